package dev.adapthub.chips.perf;

import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.catalog.Figure;
import dev.adapthub.chips.spi.SupportQuery;
import java.util.List;

/** The chip's peaks in SI units, as the estimate uses them. */
record Hardware(double peakFlops, double bytesPerSecond, double linkBytesPerSecond) {

    /**
     * Catalog interconnect figures are bidirectional totals (NVLink 600 GB/s on A100 = 300 each way);
     * a ring all-reduce sends in one direction per link.
     */
    static final double LINK_DIRECTIONS = 2;
    /** PCIe Gen4 x16: 32 GB/s each way, assumed when the catalog names no interconnect bandwidth. */
    static final double PCIE4_X16_GBS = 32;
    private static final double GIGA = 1e9;
    private static final double TERA = 1e12;

    static Hardware of(SupportQuery q) {
        ChipSpec chip = q.chip();
        double link = chip.interconnect() != null && chip.interconnect().bandwidthGBs() != null
                ? chip.interconnect().bandwidthGBs().value() / LINK_DIRECTIONS : PCIE4_X16_GBS;
        double bw = chip.memory().bandwidthGBs() == null ? 0 : chip.memory().bandwidthGBs().value();
        if (bw <= 0) {
            throw new IllegalArgumentException("chip " + chip.id() + " has no memory bandwidth in the catalog;"
                    + " add memory.bandwidthGBs to its profile");
        }
        return new Hardware(peakTflops(chip, computeType(q)) * TERA, bw * GIGA, link * GIGA);
    }

    /**
     * The catalog key of the type the matrix units compute in: int8 for W8A8, fp8 when activations
     * are fp8; weight-only schemes (GPTQ, AWQ, GGUF, fp8 weights on 16-bit activations) dequantise
     * and compute in the activation type.
     */
    static String computeType(SupportQuery q) {
        if ("w8a8".equals(q.quantization()) || "int8".equals(q.activationType())) {
            return "int8";
        }
        if (q.activationType().startsWith("fp8")) {
            return "fp8";
        }
        return q.activationType();
    }

    /** Peak for the type, else the 16-bit peak the chip has (the engine falls back to it), else fp32. */
    static double peakTflops(ChipSpec chip, String type) {
        for (String key : List.of(type, "bf16", "fp16", "fp32")) {
            Figure f = chip.compute().get(key);
            if (f != null && f.value() > 0) {
                return f.value();
            }
        }
        return chip.compute().values().stream().mapToDouble(Figure::value).max()
                .orElseThrow(() -> new IllegalArgumentException("chip " + chip.id()
                        + " has no compute peaks in the catalog; add compute.<type> to its profile"));
    }
}
