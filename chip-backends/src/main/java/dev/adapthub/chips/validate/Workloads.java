package dev.adapthub.chips.validate;

import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.spi.MemoryPlan;
import dev.adapthub.chips.spi.PerformanceQuery;

/** The workload a performance estimate assumes when the config's {@code workload} leaves parts out. */
final class Workloads {

    /** A chat-style prompt: the ShareGPT-derived prompts of vLLM's serving benchmark average about 1K tokens. */
    static final int DEFAULT_INPUT_TOKENS = 1024;
    /** A short answer, as in the fixed-length runs of vLLM's {@code benchmark_throughput} (128 output tokens). */
    static final int DEFAULT_OUTPUT_TOKENS = 128;
    /** One user: the latency case. */
    static final int DEFAULT_CONCURRENCY = 1;

    private Workloads() {
    }

    /** The query for a resolved config; a prompt longer than maxModelLen is cut to leave room for one token. */
    static PerformanceQuery query(ResolvedConfig r, MemoryPlan memory) {
        InferenceConfig.Workload w = r.config().workload();
        int output = w.outputTokens() != null ? w.outputTokens() : DEFAULT_OUTPUT_TOKENS;
        int input = w.inputTokens() != null ? w.inputTokens() : DEFAULT_INPUT_TOKENS;
        output = Math.max(1, Math.min(output, r.maxModelLen() - 1));
        input = Math.max(1, Math.min(input, r.maxModelLen() - output));
        int concurrency = w.concurrency() != null ? w.concurrency() : DEFAULT_CONCURRENCY;
        return new PerformanceQuery(r.toQuery(), memory, input, output, concurrency, r.maxNumSeqs(),
                r.maxBatchedTokens());
    }
}
