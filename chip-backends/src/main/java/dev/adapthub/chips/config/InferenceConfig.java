package dev.adapthub.chips.config;

/**
 * A parsed {@code InferenceConfig} (apiVersion {@code adapthub/v1}). Field names mirror the YAML
 * exactly; the YAML names are a public interface that other tools write.
 *
 * <p>Invariants (guaranteed by {@link InferenceConfigParser}): {@code model}, {@code target},
 * {@code engine} are present; nested sections are never null (absent sections hold nulls that
 * mean "engine default"); all numbers are finite and within the schema's bounds.
 */
public record InferenceConfig(
        ModelRef model,
        Target target,
        Engine engine,
        Precision precision,
        String quantization,
        Parallel parallel,
        Limits limits,
        Memory memory,
        Workload workload) {

    /** {@code model.config} (path relative to the config file) or {@code model.repo}/{@code revision}. */
    public record ModelRef(String config, String repo, String revision) { }

    /** {@code target.chip} (catalog id) and {@code target.devices} (null: tensor × pipeline). */
    public record Target(String chip, Integer devices) { }

    /** {@code engine.name} ({@code vllm}, {@code vllm-ascend}, {@code mindie}, {@code llama.cpp}, {@code sglang}, {@code lmdeploy}) and version. */
    public record Engine(String name, String version) { }

    /** Data types; null or {@code auto} means "from the checkpoint", as vLLM's {@code --dtype auto}. */
    public record Precision(String weights, String activations, String kvCache) { }

    /** Parallel sizes; null means 1. */
    public record Parallel(Integer tensor, Integer pipeline, Integer expert) {
        public int tensorOrOne() {
            return tensor == null ? 1 : tensor;
        }

        public int pipelineOrOne() {
            return pipeline == null ? 1 : pipeline;
        }

        public int expertOrOne() {
            return expert == null ? 1 : expert;
        }
    }

    /** Engine limits; null means the engine's default. */
    public record Limits(Integer maxModelLen, Integer maxNumSeqs, Integer maxBatchedTokens, Integer blockSize) { }

    /** Fraction of device memory the engine may use (vLLM {@code gpu_memory_utilization}); null: 0.9. */
    public record Memory(Double utilization) { }

    /** The expected traffic, used by the performance estimate. */
    public record Workload(Integer inputTokens, Integer outputTokens, Integer concurrency) { }

    /** Devices the config uses: {@code target.devices}, else tensor × pipeline. */
    public int devices() {
        return target.devices() != null ? target.devices() : parallel.tensorOrOne() * parallel.pipelineOrOne();
    }
}
