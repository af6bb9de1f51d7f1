package dev.adapthub.chips.sim;

import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.spi.ChipBackendProvider;
import java.util.Set;
import java.util.stream.Collectors;

/** Common part of the built-in providers: they drive every catalog chip of their family. */
abstract class SimulatedProvider implements ChipBackendProvider {

    /** Bumped whenever a rule or table of the simulated backends changes (validations go stale). */
    static final String VERSION = "1.2.0";

    private final ChipFamily family;

    SimulatedProvider(ChipFamily family) {
        this.family = family;
    }

    /** {@code sim-npu}, {@code sim-gpgpu} or {@code sim-cpu}. */
    @Override
    public String id() {
        return "sim-" + family.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public ChipFamily family() {
        return family;
    }

    @Override
    public String vendor() {
        return "AdaptHub";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Set<String> chipIds() {
        return ChipCatalog.builtIn().all().stream().filter(c -> c.family() == family()).map(ChipSpec::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean simulated() {
        return true;
    }

    /** Drives every chip of its family in whatever catalog the hub uses. */
    @Override
    public boolean drives(ChipSpec chip) {
        return chip.family() == family();
    }

    /** Hardware gate: a data type the chip's profile does not list cannot be computed natively. */
    static Gate hardware(String field, String type) {
        return new Gate(field, type, c -> c.hasDataType(type), dev.adapthub.chips.spi.ReasonCode.DTYPE_UNSUPPORTED,
                "the chip has no " + type + " hardware (not in its catalog dataTypes)",
                "use a type the chip lists, e.g. " + (type.startsWith("fp8") ? "bf16/fp16 or int8 (w8a8)" : "fp16"));
    }

    /** Whether a chip lists an fp8 encoding ({@code fp8} alone means both OCP encodings). */
    static boolean hasFp8(ChipSpec chip, String encoding) {
        return chip.hasDataType(encoding) || chip.hasDataType("fp8");
    }
}
