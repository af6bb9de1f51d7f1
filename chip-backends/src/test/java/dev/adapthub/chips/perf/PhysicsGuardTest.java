package dev.adapthub.chips.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.TestConfigs;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.model.ModelArchitecture;
import dev.adapthub.chips.spi.BackendRegistry;
import dev.adapthub.chips.spi.Engines;
import dev.adapthub.chips.spi.MemoryPlan;
import dev.adapthub.chips.spi.PerformanceEstimate;
import dev.adapthub.chips.spi.PerformanceQuery;
import dev.adapthub.chips.spi.SupportQuery;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Physics guard (issue #17 part 3), property-based: over random model shapes (dense, GQA, MoE,
 * MLA, sliding window), random chips (any bandwidth and peaks, any family) and random configs, no
 * estimate is faster than the chip allows. The floors are computed here from the inputs, not with
 * the estimator's code: decode ≥ (active weight bytes + attended KV bytes) / peak bandwidth,
 * prefill ≥ (2 × active non-embedding weights × prompt + causal attention FLOPs) / (tp × highest peak).
 */
class PhysicsGuardTest {

    private static final BackendRegistry REGISTRY = ChipBackends.load();
    private static final Validator VALIDATOR = ChipBackends.validator(REGISTRY);
    private static final List<String> TEST_MODELS = List.of("llama-2-7b", "llama-3.1-8b", "qwen2.5-7b",
            "mixtral-8x7b", "deepseek-v2-lite", "gemma-2-9b");

    @Property(tries = 300)
    void noEstimateBeatsPhysics(@ForAll("models") ModelArchitecture m, @ForAll("chips") ChipSpec chip,
                                @ForAll @IntRange(min = 1, max = 16384) int input,
                                @ForAll @IntRange(min = 1, max = 2048) int output,
                                @ForAll @IntRange(min = 1, max = 1024) int concurrency,
                                @ForAll("tensor") int tp, @ForAll("engines") String engine,
                                @ForAll @IntRange(min = 1, max = 4) int bytesPerWeight,
                                @ForAll @IntRange(min = 1, max = 10_000_000) int kvTokens) {
        long weights = m.parameterCount() * bytesPerWeight / tp;
        long kvPerToken = 2L * m.numLayers() * Math.max(1, m.numKvHeads() / tp) * m.headDim() * 2;
        MemoryPlan plan = new MemoryPlan(weights * 2, weights * 2, weights, 0, 0, kvTokens * kvPerToken, kvPerToken,
                16, kvTokens / 16, kvTokens, input + output, 1, true, input + output);
        SupportQuery sq = new SupportQuery(chip, m, engine, null, "bf16", "bf16", "bf16", "none", 16, tp, 1, 1);
        PerformanceQuery q = new PerformanceQuery(sq, plan, input, output, concurrency, 1024, 8192);
        PerformanceEstimate p = Roofline.estimate(q);

        double bandwidth = chip.memory().bandwidthGBs().value() * 1e9;
        double peak = chip.compute().values().stream().mapToDouble(f -> f.value()).max().orElseThrow() * 1e12;
        double active = (double) m.activeParameterCount() / m.parameterCount();
        double context = input + output / 2.0;
        double attended = attendedLayers(m, context) / m.numLayers();
        double decodeFloor = (weights * active + p.concurrency() * attended * kvPerToken) / bandwidth * 1e3;
        double flopsPerToken = 2.0 * (m.activeParameterCount() - m.embeddingParams());
        double prefillFloor = (input * flopsPerToken) / tp / peak * 1e3;
        String what = m.modelType() + " on " + chip.id() + " tp" + tp + " " + engine + " in " + input + " c" + concurrency;
        assertThat(p.decodeMsPerToken()).as(what).isGreaterThanOrEqualTo(decodeFloor * (1 - 1e-9));
        assertThat(p.prefillMs()).as(what).isGreaterThanOrEqualTo(prefillFloor * (1 - 1e-9));
        assertThat(p.ttftMs()).as(what).isGreaterThanOrEqualTo(p.prefillMs() * (1 - 1e-12));
        assertThat(p.concurrency()).isBetween(1, concurrency);
    }

    /** The whole pipeline on catalog chips and published model configs: any estimate it gives obeys the floors. */
    @Property(tries = 150)
    void validatedEstimatesObeyPhysics(@ForAll("catalogChips") ChipSpec chip, @ForAll("testModels") String model,
                                       @ForAll("engines") String engine, @ForAll("tensor") int tp,
                                       @ForAll @IntRange(min = 1, max = 8192) int input,
                                       @ForAll @IntRange(min = 1, max = 1024) int output,
                                       @ForAll @IntRange(min = 1, max = 512) int concurrency) throws Exception {
        ModelArchitecture m = TestModels.load(model);
        String yaml = TestConfigs.yaml(chip.id(), engine, "parallel: {tensor: " + tp + "}",
                "limits: {maxModelLen: " + (input + output + 16) + "}",
                "workload: {inputTokens: " + input + ", outputTokens: " + output + ", concurrency: " + concurrency + "}");
        ValidationReport r = VALIDATOR.validate(InferenceConfigParser.parse(yaml), m);
        if (r.performance() == null) {
            return;
        }
        double bandwidth = chip.memory().bandwidthGBs().value() * 1e9;
        double peak = chip.compute().values().stream().mapToDouble(f -> f.value()).max().orElseThrow() * 1e12;
        double active = (double) m.activeParameterCount() / m.parameterCount();
        double decodeFloor = r.memory().weightsBytes() * active / bandwidth * 1e3;
        double prefillFloor = input * 2.0 * (m.activeParameterCount() - m.embeddingParams()) / tp / peak * 1e3;
        assertThat(r.performance().decodeMsPerToken()).as(yaml).isGreaterThanOrEqualTo(decodeFloor * (1 - 1e-9));
        assertThat(r.performance().prefillMs()).as(yaml).isGreaterThanOrEqualTo(prefillFloor * (1 - 1e-9));
    }

    private static double attendedLayers(ModelArchitecture m, double context) {
        if (m.slidingWindow() == null) {
            return m.numLayers();
        }
        int sliding = Math.min(m.slidingWindow().slidingLayers(), m.numLayers());
        return (m.numLayers() - sliding) + sliding * Math.min(context, m.slidingWindow().window()) / context;
    }

    @Provide
    Arbitrary<Integer> tensor() {
        return Arbitraries.of(1, 2, 4, 8);
    }

    @Provide
    Arbitrary<String> engines() {
        return Arbitraries.of(Engines.ALL);
    }

    @Provide
    Arbitrary<String> testModels() {
        return Arbitraries.of(TEST_MODELS);
    }

    @Provide
    Arbitrary<ChipSpec> catalogChips() {
        return Arbitraries.of(REGISTRY.catalog().all());
    }

    @Provide
    Arbitrary<ChipSpec> chips() {
        Arbitrary<String> family = Arbitraries.of("GPGPU", "NPU", "CPU");
        Arbitrary<Double> bandwidth = Arbitraries.doubles().between(50, 10_000);
        Arbitrary<Double> fp16 = Arbitraries.doubles().between(1, 5_000);
        Arbitrary<Double> int8Factor = Arbitraries.doubles().between(0.5, 4);
        Arbitrary<Double> link = Arbitraries.doubles().between(8, 1_800);
        return Combinators.combine(family, bandwidth, fp16, int8Factor, link).as((f, bw, tf, k, l) -> {
            String yaml = """
                    id: random-chip
                    name: Random chip
                    vendor: Test
                    family: %s
                    memory:
                      visibleGiB: {value: 80, source: s, confidence: estimate}
                      bandwidthGBs: {value: %f, source: s, confidence: estimate}
                    compute:
                      fp16: {value: %f, source: s, confidence: estimate}
                      bf16: {value: %f, source: s, confidence: estimate}
                      int8: {value: %f, source: s, confidence: estimate}
                    dataTypes: [fp32, fp16, bf16, int8]
                    interconnect:
                      name: link
                      bandwidthGBs: {value: %f, source: s, confidence: estimate}
                    sources:
                      s: {title: generated, url: "https://example.org"}
                    """.formatted(f, bw, tf, tf, tf * k, l);
            return ChipCatalog.parse("random-chip.yaml", "random-chip", yaml.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Provide
    Arbitrary<ModelArchitecture> models() {
        Arbitrary<Integer> heads = Arbitraries.of(8, 16, 32, 64);
        Arbitrary<Integer> kvDivisor = Arbitraries.of(1, 2, 4, 8);
        Arbitrary<Integer> layers = Arbitraries.integers().between(2, 96);
        Arbitrary<Integer> headDim = Arbitraries.of(64, 128);
        Arbitrary<String> kind = Arbitraries.of("dense", "sliding", "moe", "mla");
        return Combinators.combine(heads, kvDivisor, layers, headDim, kind).as((h, d, l, hd, k) -> {
            int hidden = h * hd;
            String base = "\"hidden_size\": %d, \"num_attention_heads\": %d, \"num_key_value_heads\": %d,"
                    + " \"num_hidden_layers\": %d, \"intermediate_size\": %d, \"vocab_size\": 32000,"
                    + " \"max_position_embeddings\": 32768, \"torch_dtype\": \"bfloat16\"";
            base = base.formatted(hidden, h, Math.max(1, h / d), l, hidden * 3);
            String json = switch (k) {
                case "sliding" -> "{\"model_type\": \"mistral\", \"sliding_window\": 1024, " + base + "}";
                case "moe" -> "{\"model_type\": \"mixtral\", \"num_local_experts\": 8, \"num_experts_per_tok\": 2, "
                        + base + "}";
                case "mla" -> "{\"model_type\": \"deepseek_v2\", \"kv_lora_rank\": 512, \"q_lora_rank\": 0,"
                        + " \"qk_nope_head_dim\": 128, \"qk_rope_head_dim\": 64, \"v_head_dim\": 128,"
                        + " \"n_routed_experts\": 16, \"num_experts_per_tok\": 4, \"moe_intermediate_size\": 512,"
                        + " \"n_shared_experts\": 1, \"first_k_dense_replace\": 1, " + base + "}";
                default -> "{\"model_type\": \"llama\", " + base + "}";
            };
            try {
                return HfConfigReader.parse("random.json", json.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(json, e);
            }
        });
    }
}
