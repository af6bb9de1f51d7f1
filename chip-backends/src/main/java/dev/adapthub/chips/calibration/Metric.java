package dev.adapthub.chips.calibration;

/** A predicted figure the calibration set compares with a measured one, with the goal of issue #17. */
public enum Metric {
    /** Tokens the KV cache holds (vLLM "# GPU blocks" × block size, "GPU KV cache size"). Goal: median error ≤ 5%. */
    KV_TOKENS("kvTokens", 0.05),
    /** Decode time per output token (TPOT, 1 / tg t/s). Goal: median error ≤ 15%. */
    DECODE_MS("decodeMsPerToken", 0.15),
    /** Time to first token (prefill of the prompt; pp t/s for llama-bench). Goal: median error ≤ 25%. */
    TTFT_MS("ttftMs", 0.25);

    private final String key;
    private final double goal;

    Metric(String key, double goal) {
        this.key = key;
        this.goal = goal;
    }

    /** The name used in cases.yaml and summary.json. */
    public String key() {
        return key;
    }

    /** The median relative error the issue asks for. */
    public double goal() {
        return goal;
    }
}
