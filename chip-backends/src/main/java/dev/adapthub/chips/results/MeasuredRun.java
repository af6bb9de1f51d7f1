package dev.adapthub.chips.results;

/**
 * One benchmark run on real hardware, in one shape whatever tool wrote it.
 *
 * <p>Invariants: every non-null figure is finite and positive (the reader refuses others);
 * {@code modelNames} holds what the file calls the model (a Hugging Face id, a path, a GGUF file
 * name), most specific first; {@code hardware} is the tool's own description of the device
 * ({@code gpu_info}) when it gives one. Null means "the file does not say".
 *
 * @param chip    the catalog id the run states or is annotated with
 * @param tensor  tensor-parallel size (null: not stated)
 */
public record MeasuredRun(RunFormat format, java.util.List<String> modelNames, String chip, String hardware,
        Integer devices, Integer tensor, Integer pipeline, Integer expert, String engine, String engineVersion,
        String date, Workload workload, Metrics metrics) {

    public MeasuredRun {
        modelNames = java.util.List.copyOf(modelNames);
    }

    /**
     * What the run asked for: mean prompt and output lengths, how many requests ran at once and
     * how many there were.
     */
    public record Workload(Integer inputTokens, Integer outputTokens, Integer concurrency, Integer requests) {
    }

    /**
     * What the run measured.
     *
     * @param outputTokensPerSecond  generated tokens per second over all running requests
     * @param totalTokensPerSecond   prompt and generated tokens per second
     * @param ttftMs                 mean time to first token
     * @param tpotMs                 mean time per output token after the first
     * @param decodeTokensPerSecond  one request's decode speed (1000 / TPOT)
     * @param prefillTokensPerSecond prompt tokens processed per second (llama-bench {@code pp})
     */
    public record Metrics(Double outputTokensPerSecond, Double totalTokensPerSecond, Double requestsPerSecond,
            Double ttftMs, Double tpotMs, Double decodeTokensPerSecond, Double prefillTokensPerSecond) {

        public boolean isEmpty() {
            return outputTokensPerSecond == null && totalTokensPerSecond == null && requestsPerSecond == null
                    && ttftMs == null && tpotMs == null && decodeTokensPerSecond == null
                    && prefillTokensPerSecond == null;
        }
    }
}
