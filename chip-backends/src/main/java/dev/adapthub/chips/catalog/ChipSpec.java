package dev.adapthub.chips.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable chip profile read from the catalog (one YAML file per chip, see
 * {@code /work/notes/catalog-format.md}).
 *
 * <p>Invariants: {@code id} matches {@code [a-z0-9-]+} and the file name; every figure's source is
 * a key of {@code sources}; {@code dataTypes} are lower-case names such as {@code bf16},
 * {@code fp8-e4m3}, {@code int8}. Optional parts ({@code interconnect}, {@code arch} fields,
 * {@code tdpWatts}) are {@code null} or empty when the file omits them.
 */
public record ChipSpec(
        String id,
        String name,
        String vendor,
        ChipFamily family,
        int catalogVersion,
        Memory memory,
        Map<String, Figure> compute,
        List<String> dataTypes,
        Interconnect interconnect,
        Figure devicesPerNode,
        Arch arch,
        Figure tdpWatts,
        Map<String, Source> sources,
        String notes) {

    private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;

    public ChipSpec {
        compute = Map.copyOf(compute);
        dataTypes = List.copyOf(dataTypes);
        sources = Map.copyOf(sources);
    }

    /** Memory as the runtime reports it (torch / the NPU runtime), in bytes. */
    public long visibleMemoryBytes() {
        return (long) (memory.visibleGiB().value() * BYTES_PER_GIB);
    }

    /** Devices in one node (1 when the profile does not say). */
    public int devicesPerNodeOrOne() {
        return devicesPerNode == null ? 1 : Math.max(1, (int) devicesPerNode.value());
    }

    /** Whether the hardware natively computes the given data type (e.g. {@code bf16}). */
    public boolean hasDataType(String dataType) {
        return dataTypes.contains(dataType);
    }

    /** Peak dense throughput for a data type, if the profile lists one. */
    public Optional<Figure> peak(String dataType) {
        return Optional.ofNullable(compute.get(dataType));
    }

    /** Memory figures; {@code type} and {@code bandwidthGBs} may be null. */
    public record Memory(Figure nominalGiB, Figure visibleGiB, String type, Figure bandwidthGBs) { }

    /** Device-to-device link; {@code bandwidthGBs} may be null. */
    public record Interconnect(String name, Figure bandwidthGBs) { }

    /**
     * Family-specific gates, all optional: NVIDIA compute capability ("8.0"), AMD gfx target,
     * Ascend SoC version, CPU instruction-set extensions.
     */
    public record Arch(String computeCapability, String gfx, String socVersion, List<String> isa) {
        public Arch {
            isa = isa == null ? List.of() : List.copyOf(isa);
        }

        /** Compute capability as major*10+minor (80 for "8.0"), or -1 when absent or malformed. */
        public int smVersion() {
            if (computeCapability == null) {
                return -1;
            }
            String[] parts = computeCapability.trim().split("\\.");
            try {
                int major = Integer.parseInt(parts[0]);
                int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                return major * 10 + minor;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        /** Whether the CPU has an instruction-set extension (case-insensitive). */
        public boolean hasIsa(String extension) {
            return isa.stream().anyMatch(x -> x.equalsIgnoreCase(extension));
        }
    }

    /** Where a figure comes from. */
    public record Source(String title, String url) { }
}
