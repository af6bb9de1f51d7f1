package dev.adapthub.chips.results;

/** The tool that wrote a run file. */
public enum RunFormat {
    /** {@code vllm bench serve --save-result} (and {@code benchmarks/benchmark_serving.py} before it). */
    VLLM_BENCH("vllm bench serve"),
    /** {@code llama-bench -o json}: an array of tests ({@code pp512}, {@code tg128}). */
    LLAMA_BENCH("llama-bench"),
    /** AdaptHub's own format ({@code kind: MeasuredRun}) for any other engine. */
    ADAPTHUB("adapthub MeasuredRun");

    private final String label;

    RunFormat(String label) {
        this.label = label;
    }

    /** How people know the tool. */
    public String label() {
        return label;
    }
}
