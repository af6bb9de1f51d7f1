package dev.adapthub.web.support;

/** A small model {@code config.json} and an inference config on it that validates, for tests that push content. */
public final class SampleContent {

    /** A Llama-style model config (1B-class shapes). */
    public static final String MODEL_CONFIG = """
            {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 2048,
             "intermediate_size": 8192, "num_attention_heads": 32, "num_key_value_heads": 8,
             "num_hidden_layers": 16, "vocab_size": 128256, "max_position_embeddings": 131072,
             "torch_dtype": "bfloat16", "rms_norm_eps": 1e-05, "rope_theta": 500000.0}
            """;

    /** An inference config for {@link #MODEL_CONFIG} at the repository root, placed under {@code adaptations/}. */
    public static final String INFERENCE_CONFIG = """
            apiVersion: adapthub/v1
            kind: InferenceConfig
            model: {config: ../config.json}
            target: {chip: nvidia-a100-80g-sxm, devices: 1}
            engine: {name: vllm, version: "0.10.1"}
            precision: {weights: bf16, activations: bf16, kvCache: bf16}
            limits: {maxModelLen: 8192, maxNumSeqs: 16}
            """;

    private SampleContent() {
    }
}
