package dev.adapthub.chips.perf;

import dev.adapthub.chips.catalog.ChipFamily;
import dev.adapthub.chips.catalog.EngineCatalog;
import dev.adapthub.chips.catalog.EngineProfile;
import dev.adapthub.chips.spi.Engines;

/**
 * The fractions of a chip's peaks an engine really reaches, per chip family and engine version.
 * Each factor is in (0, 1], so no estimate can beat the roofline. The figures live in the engine
 * profiles ({@code catalog/engines/*.yaml}, keys {@code decodeBandwidth}, {@code compute},
 * {@code collectiveUs} under {@code families}), each with its source; the constants here are the
 * fallbacks for a family a profile does not describe.
 *
 * @param memoryBandwidth share of peak memory bandwidth a decode step streams at
 * @param compute         share of peak dense throughput (model FLOPs utilisation) of GEMM-heavy steps
 * @param link            share of the interconnect's per-direction bandwidth an all-reduce reaches
 * @param collectiveUs    fixed latency of one all-reduce, in microseconds
 */
public record Efficiency(double memoryBandwidth, double compute, double link, double collectiveUs) {

    /** Fallback GPU decode bandwidth share (gpt-fast, RTX 4090: 15.4 ms against a 13.4 ms roofline). */
    static final double GPU_DECODE_BANDWIDTH = 0.87;
    /** Fallback NPU decode bandwidth share (vllm-ascend 0.7.3 with MindIE Turbo, vllm-ascend#776). */
    static final double NPU_DECODE_BANDWIDTH = 0.31;
    /** Fallback CPU decode bandwidth share (estimate). */
    static final double CPU_DECODE_BANDWIDTH = 0.45;
    static final double GPU_COMPUTE = 0.55;
    static final double NPU_COMPUTE = 0.45;
    static final double CPU_COMPUTE = 0.30;
    /**
     * nccl-tests all-reduce bus bandwidth on A100 NVLink reaches ~230 of 300 GB/s per direction
     * (NVIDIA nccl-tests performance notes): 0.75; used for every link for lack of per-link figures.
     */
    static final double LINK = 0.75;
    static final double GPU_COLLECTIVE_US = 8;
    static final double NPU_COLLECTIVE_US = 20;
    static final double CPU_COLLECTIVE_US = 30;

    public Efficiency {
        if (!(memoryBandwidth > 0 && memoryBandwidth <= 1 && compute > 0 && compute <= 1 && link > 0 && link <= 1
                && collectiveUs >= 0)) {
            throw new IllegalArgumentException("efficiencies must be in (0, 1]: " + this);
        }
    }

    /** The factors for the newest version of an engine on a chip family. */
    public static Efficiency of(ChipFamily family, String engine) {
        return of(family, engine, null);
    }

    /** The factors for an engine version on a chip family (an unknown engine gets vLLM's). */
    public static Efficiency of(ChipFamily family, String engine, String version) {
        EngineCatalog engines = EngineCatalog.builtIn();
        EngineProfile p = engines.match(engine, version).or(() -> engines.match(Engines.VLLM, null))
                .orElseThrow().profile();
        double bandwidth = p.number(family, EngineProfile.DECODE_BANDWIDTH, switch (family) {
            case NPU -> NPU_DECODE_BANDWIDTH;
            case GPGPU -> GPU_DECODE_BANDWIDTH;
            case CPU -> CPU_DECODE_BANDWIDTH;
        });
        double compute = p.number(family, EngineProfile.COMPUTE, switch (family) {
            case NPU -> NPU_COMPUTE;
            case GPGPU -> GPU_COMPUTE;
            case CPU -> CPU_COMPUTE;
        });
        double collective = p.number(family, EngineProfile.COLLECTIVE_US, switch (family) {
            case NPU -> NPU_COLLECTIVE_US;
            case GPGPU -> GPU_COLLECTIVE_US;
            case CPU -> CPU_COLLECTIVE_US;
        });
        return new Efficiency(bandwidth, compute, LINK, collective);
    }
}
