package dev.adapthub.chips.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Binds a schema-valid tree to {@link InferenceConfig}; the schema has already checked types and ranges. */
final class Binder {

    private Binder() {
    }

    static InferenceConfig bind(JsonNode root) {
        JsonNode model = root.path("model");
        JsonNode target = root.path("target");
        JsonNode engine = root.path("engine");
        JsonNode precision = root.path("precision");
        JsonNode parallel = root.path("parallel");
        JsonNode limits = root.path("limits");
        JsonNode memory = root.path("memory");
        JsonNode workload = root.path("workload");
        return new InferenceConfig(
                new InferenceConfig.ModelRef(text(model, "config"), text(model, "repo"), text(model, "revision")),
                new InferenceConfig.Target(text(target, "chip"), integer(target, "devices")),
                new InferenceConfig.Engine(text(engine, "name"), text(engine, "version")),
                new InferenceConfig.Precision(text(precision, "weights"), text(precision, "activations"),
                        text(precision, "kvCache")),
                text(root, "quantization"),
                new InferenceConfig.Parallel(integer(parallel, "tensor"), integer(parallel, "pipeline"),
                        integer(parallel, "expert")),
                new InferenceConfig.Limits(integer(limits, "maxModelLen"), integer(limits, "maxNumSeqs"),
                        integer(limits, "maxBatchedTokens"), integer(limits, "blockSize")),
                new InferenceConfig.Memory(memory.path("utilization").isNumber()
                        ? memory.path("utilization").doubleValue() : null),
                new InferenceConfig.Workload(integer(workload, "inputTokens"), integer(workload, "outputTokens"),
                        integer(workload, "concurrency")));
    }

    private static String text(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Integer integer(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n == null || !n.isNumber() ? null : n.intValue();
    }
}
