package dev.adapthub.chips.sim;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.spi.ReasonCode;
import dev.adapthub.chips.spi.Refusal;
import dev.adapthub.chips.spi.SupportQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A family rule that explains why a value is missing from a chip's capabilities (e.g. bf16 needs
 * sm80+). Capabilities leave gated values out; {@link #explain} then replaces the generic
 * refusal with the gate's specific reason, so a user reads "needs compute capability 8.0" rather
 * than "bf16 unsupported".
 *
 * @param field  {@code dtype} (weights and activations), {@code kv} or {@code quant}
 * @param value  the gated value ({@code bf16}, {@code fp8-e4m3}, {@code awq}, ...)
 * @param passes whether a chip has what the value needs
 */
record Gate(String field, String value, Predicate<ChipSpec> passes, ReasonCode code, String why, String hint) {

    /** Rewrites refusals that a failing gate explains; other refusals are kept as they are. */
    static List<Refusal> explain(List<Gate> gates, SupportQuery q, List<Refusal> refusals) {
        List<Refusal> out = new ArrayList<>();
        for (Refusal r : refusals) {
            Refusal replaced = r;
            String field = fieldOf(r.path());
            String value = valueAt(q, r.path());
            for (Gate g : gates) {
                if (g.field.equals(field) && g.value.equals(value) && !g.passes.test(q.chip())) {
                    replaced = Refusal.of(g.code, r.path(), g.why + " (" + q.chip().id() + ")", g.hint);
                    break;
                }
            }
            out.add(replaced);
        }
        return out;
    }

    /** Whether a chip passes every gate on a value. */
    static boolean allows(List<Gate> gates, String field, String value, ChipSpec chip) {
        return gates.stream().noneMatch(g -> g.field.equals(field) && g.value.equals(value) && !g.passes.test(chip));
    }

    private static String fieldOf(String path) {
        return switch (path) {
            case "precision.weights", "precision.activations" -> "dtype";
            case "precision.kvCache" -> "kv";
            case "quantization" -> "quant";
            default -> "";
        };
    }

    private static String valueAt(SupportQuery q, String path) {
        return switch (path) {
            case "precision.weights" -> q.weightType();
            case "precision.activations" -> q.activationType();
            case "precision.kvCache" -> q.kvCacheType();
            case "quantization" -> q.quantization();
            default -> "";
        };
    }
}
