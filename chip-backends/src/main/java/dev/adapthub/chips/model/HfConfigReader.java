package dev.adapthub.chips.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Hugging Face {@code config.json} into a {@link ModelArchitecture}.
 *
 * <p>Supported {@code model_type}s are {@link #KNOWN_TYPES}; any other gives a
 * {@link ModelException} listing them. Every size is checked to be a positive integer within
 * sane bounds, so a hostile file yields an error, never an overflow.
 */
public final class HfConfigReader {

    /** The architectures the validator understands. */
    public static final List<String> KNOWN_TYPES = List.of("llama", "mistral", "qwen2", "qwen3", "qwen2_moe",
            "qwen3_moe", "mixtral", "deepseek_v2", "deepseek_v3", "gemma2", "phi3");

    /** Real config.json files are a few KiB; 1 MiB leaves room for long rope tables. */
    public static final int MAX_CONFIG_BYTES = 1024 * 1024;
    /** Upper bound for any single dimension (largest real hidden sizes are ~16k, vocabularies ~256k). */
    private static final int MAX_DIMENSION = 10_000_000;

    private HfConfigReader() {
    }

    /** Reads a config.json file. */
    public static ModelArchitecture read(Path file) throws ModelException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
            return parse(file.getFileName().toString(), bytes);
        } catch (IOException e) {
            throw new ModelException("", "cannot read model config " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses config.json bytes; {@code name} is used in messages. */
    public static ModelArchitecture parse(String name, byte[] bytes) throws ModelException {
        if (bytes.length > MAX_CONFIG_BYTES) {
            throw new ModelException("", name + " is larger than " + MAX_CONFIG_BYTES
                    + " bytes; a config.json is a few KiB, check that the right file was given");
        }
        JsonNode c = Json.parse(name, bytes);
        String type = c.path("model_type").asText("");
        if (!KNOWN_TYPES.contains(type)) {
            throw new ModelException("model_type", name + ": unknown model_type '" + type + "'; known: "
                    + String.join(", ", KNOWN_TYPES));
        }
        return new Fields(name, c).build(type);
    }

    /** Reads the fields of one config with bounds checks. */
    private record Fields(String name, JsonNode c) {

        ModelArchitecture build(String type) throws ModelException {
            int hidden = require("hidden_size");
            int layers = require("num_hidden_layers");
            int heads = require("num_attention_heads");
            int kvHeads = optional("num_key_value_heads", heads);
            if (kvHeads > heads || heads % kvHeads != 0) {
                throw error("num_key_value_heads", "num_key_value_heads (" + kvHeads
                        + ") must divide num_attention_heads (" + heads + ")");
            }
            int headDim = optional("head_dim", Math.max(1, hidden / heads));
            int intermediate = optional("intermediate_size", 4 * hidden);
            int vocab = require("vocab_size");
            int maxPos = optional("max_position_embeddings", 2048);
            boolean gemma = "gemma2".equals(type);
            boolean tie = c.path("tie_word_embeddings").asBoolean(gemma);
            boolean qkvBias = type.equals("qwen2") || type.equals("qwen2_moe") || c.path("attention_bias").asBoolean(false);
            boolean qkNorm = type.equals("qwen3") || type.equals("qwen3_moe");
            Moe moe = moe(type, intermediate, layers);
            Mla mla = null;
            if (type.startsWith("deepseek")) {
                mla = new Mla(require("kv_lora_rank"), optional("q_lora_rank", 0), require("qk_nope_head_dim"),
                        require("qk_rope_head_dim"), require("v_head_dim"));
                headDim = mla.qkNopeHeadDim() + mla.qkRopeHeadDim();
            }
            SlidingWindow window = slidingWindow(type, layers, maxPos);
            boolean softcap = gemma && c.path("attn_logit_softcapping").isNumber();
            return new ModelArchitecture(type, hidden, layers, heads, kvHeads, headDim, intermediate, vocab, maxPos,
                    tie, qkvBias, qkNorm, gemma ? 4 : 2, dtype(), moe, mla, window, softcap,
                    QuantizationReader.read(c.get("quantization_config")), null);
        }

        private Moe moe(String type, int intermediate, int layers) throws ModelException {
            return switch (type) {
                case "mixtral" -> new Moe(require("num_local_experts"), require("num_experts_per_tok"),
                        intermediate, 0, 0, 0, false);
                case "qwen2_moe" -> new Moe(require("num_experts"), require("num_experts_per_tok"),
                        require("moe_intermediate_size"), optional("shared_expert_intermediate_size", 0), 0, 0, true);
                case "qwen3_moe" -> new Moe(require("num_experts"), require("num_experts_per_tok"),
                        require("moe_intermediate_size"), 0, 0, 0, false);
                case "deepseek_v2", "deepseek_v3" -> {
                    int expertSize = require("moe_intermediate_size");
                    int dense = Math.min(layers, optional("first_k_dense_replace", 0));
                    yield new Moe(require("n_routed_experts"), require("num_experts_per_tok"), expertSize,
                            optional("n_shared_experts", 0) * expertSize, dense, intermediate, false);
                }
                default -> null;
            };
        }

        private SlidingWindow slidingWindow(String type, int layers, int maxPos) throws ModelException {
            JsonNode w = c.get("sliding_window");
            if (w == null || !w.isNumber()) {
                return null;
            }
            int window = optional("sliding_window", 0);
            if (window <= 0 || window >= maxPos) {
                return null; // a window as long as the context is plain full attention
            }
            if (type.equals("qwen2") || type.equals("qwen2_moe") || type.equals("qwen3") || type.equals("qwen3_moe")) {
                // Qwen ships sliding_window in every config but only uses it with use_sliding_window
                return c.path("use_sliding_window").asBoolean(false) ? new SlidingWindow(window, layers) : null;
            }
            // Gemma 2 alternates local (sliding) and global layers
            return new SlidingWindow(window, type.equals("gemma2") ? layers / 2 : layers);
        }

        private String dtype() {
            String raw = c.path("torch_dtype").asText(c.path("dtype").asText("float32")).toLowerCase(Locale.ROOT);
            return switch (raw) {
                case "bfloat16" -> "bf16";
                case "float16", "half" -> "fp16";
                default -> "fp32";
            };
        }

        private int require(String key) throws ModelException {
            JsonNode n = c.get(key);
            if (n == null || n.isNull()) {
                throw error(key, "'" + key + "' is missing; it is required for this model_type");
            }
            return bounded(key, n);
        }

        private int optional(String key, int fallback) throws ModelException {
            JsonNode n = c.get(key);
            return n == null || n.isNull() ? fallback : bounded(key, n);
        }

        private int bounded(String key, JsonNode n) throws ModelException {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw error(key, "'" + key + "' must be an integer, was " + n);
            }
            int v = n.intValue();
            if (v < 0 || v > MAX_DIMENSION) {
                throw error(key, "'" + key + "' = " + v + " is outside 0.." + MAX_DIMENSION);
            }
            if (v == 0 && !key.equals("q_lora_rank") && !key.startsWith("first_k") && !key.startsWith("n_shared")
                    && !key.startsWith("shared_expert")) {
                throw error(key, "'" + key + "' must be positive");
            }
            return v;
        }

        private ModelException error(String key, String message) {
            return new ModelException(key, name + ": " + message);
        }
    }
}
