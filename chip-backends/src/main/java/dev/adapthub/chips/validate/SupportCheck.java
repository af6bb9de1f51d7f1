package dev.adapthub.chips.validate;

import dev.adapthub.chips.model.Quantization;
import dev.adapthub.chips.spi.ReasonCode;
import dev.adapthub.chips.spi.Refusal;
import java.util.List;
import java.util.Set;

/**
 * Check 1: data type, quantization, attention-variant, engine and block-size support, as the
 * backend answers it; plus whether the requested quantization matches the checkpoint.
 */
final class SupportCheck implements Check {

    /** Reasons reported by the parallelism and operator checks instead. */
    static final Set<ReasonCode> ELSEWHERE = Set.of(ReasonCode.PARALLELISM_UNSUPPORTED, ReasonCode.OPERATOR_MISSING,
            ReasonCode.ARCHITECTURE_UNSUPPORTED);

    @Override
    public void run(Context ctx, List<Finding> out) {
        for (Refusal r : ctx.answer.refusals()) {
            if (!ELSEWHERE.contains(r.code())) {
                out.add(toFinding(r));
            }
        }
        ResolvedConfig c = ctx.config;
        Quantization q = c.model().quantization();
        boolean preQuantized = Set.of("gptq", "awq", "w4a16", "w8a16").contains(c.quantization());
        if (preQuantized && (q == null || !q.method().equals(c.quantization()))) {
            out.add(Finding.of(FindingCodes.QUANT_CHECKPOINT_MISMATCH, Severity.ERROR, "quantization",
                    "quantization '" + c.quantization() + "' needs a checkpoint quantized that way, but the model's "
                            + "config.json has " + (q == null ? "no quantization_config" : "'" + q.method() + "'"),
                    "point model.config at the quantized checkpoint, or remove 'quantization'"));
        }
        if (q != null && "none".equals(c.quantization())) {
            out.add(Finding.of(FindingCodes.QUANT_CHECKPOINT_MISMATCH, Severity.ERROR, "quantization",
                    "the checkpoint is quantized with '" + q.method() + "' but the config says quantization: none",
                    "set quantization: " + q.method()));
        }
        if (c.config().limits().blockSize() != null && c.blockSize() == 0) {
            out.add(Finding.of(FindingCodes.CONFIG_IGNORED, Severity.INFO, "limits.blockSize",
                    c.engine() + " has no paged KV cache; blockSize is ignored", "remove limits.blockSize"));
        }
    }

    static Finding toFinding(Refusal r) {
        return Finding.of(FindingCodes.SUPPORT_PREFIX + r.code().name(), r.blocking() ? Severity.ERROR : Severity.WARNING,
                r.path(), r.message(), r.hint());
    }
}
