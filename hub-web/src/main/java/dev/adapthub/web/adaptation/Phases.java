package dev.adapthub.web.adaptation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.model.ModelArchitecture;
import java.util.List;

/**
 * Prefill and decode as roofline points, per device: FLOPs from the model's active parameters
 * (2 per weight per token) plus attention over the context, bytes from the weights each step
 * reads plus the KV cache decode reads, time from the report. An approximation of what the
 * estimate computed (it ignores routed-expert sparsity in the bytes), good enough to show on
 * which side of the ridge each phase sits.
 */
final class Phases {

    static final int DEFAULT_INPUT = 1024;
    static final int DEFAULT_OUTPUT = 128;

    private Phases() {
    }

    static List<RooflineChart.Phase> of(ModelArchitecture model, InferenceConfig config, JsonNode memory,
            JsonNode perf) {
        int tp = config.parallel().tensorOrOne();
        InferenceConfig.Workload w = config.workload();
        int input = w.inputTokens() == null ? DEFAULT_INPUT : w.inputTokens();
        int output = w.outputTokens() == null ? DEFAULT_OUTPUT : w.outputTokens();
        int maxBatched = config.limits().maxBatchedTokens() == null ? 8192 : config.limits().maxBatchedTokens();
        int running = Math.max(1, perf.path("concurrency").asInt(1));
        double linear = 2.0 * (model.activeParameterCount() - model.embeddingParams()
                + (model.tieWordEmbeddings() ? model.embeddingParams() : 0));
        double attentionPerContextToken = 4.0 * model.numAttentionHeads() * model.headDim() * model.numLayers();
        double weights = memory.path("weightsBytes").asDouble();
        double kvPerToken = memory.path("kvBytesPerToken").asDouble();

        double prefillFlops = (input * linear + attentionPerContextToken * input * (double) input / 2) / tp;
        double prefillBytes = weights * Math.ceil((double) input / maxBatched);
        double context = input + output / 2.0;
        double decodeFlops = running * (linear + attentionPerContextToken * context) / tp;
        double decodeBytes = weights + running * context * kvPerToken;
        return List.of(
                new RooflineChart.Phase("pt-prefill", "prefill", prefillFlops, prefillBytes,
                        perf.path("prefillMs").asDouble() / 1e3),
                new RooflineChart.Phase("pt-decode", "decode", decodeFlops, decodeBytes,
                        perf.path("decodeMsPerToken").asDouble() / 1e3));
    }
}
