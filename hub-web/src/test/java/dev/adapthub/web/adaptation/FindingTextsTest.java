package dev.adapthub.web.adaptation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.model.HfConfigReader;
import dev.adapthub.chips.spi.BackendRegistry;
import dev.adapthub.chips.validate.Finding;
import dev.adapthub.chips.validate.FindingCodes;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Findings in Chinese, from the text chip-backends really writes: every demo config and a set of
 * broken variants of one go through the real validator, and each finding's message and hint must
 * match one of the English patterns of its code (so its translation carries the values). English
 * readers get the stored text unchanged.
 */
class FindingTextsTest {

    static final Path DEMO = Path.of("..", "hub-core", "src", "main", "resources", "demo", "repos");
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    /** Broken variants of Llama-3.1-8B on one 910B3: each trips other checks. */
    static final List<String> VARIANTS = List.of(
            "parallel: {tensor: 3, pipeline: 1, expert: 1}",
            "parallel: {tensor: 16, pipeline: 1, expert: 2}\ntarget: {chip: ascend-910b3, devices: 4}",
            "parallel: {tensor: 1, pipeline: 64, expert: 1}",
            "parallel: {tensor: 1, pipeline: 5, expert: 1}",
            "limits: {maxModelLen: 1000000, maxNumSeqs: 128, maxBatchedTokens: 8192, blockSize: 128}",
            "limits: {maxModelLen: 131072, maxNumSeqs: 128, maxBatchedTokens: 8192, blockSize: 7}",
            "memory: {utilization: 0.20}",
            "workload: {inputTokens: 2048, outputTokens: 256, concurrency: 4000}",
            "precision: {weights: fp8-e4m3, activations: fp8-e4m3, kvCache: fp8-e5m2}",
            "quantization: gptq",
            "engine: {name: llama.cpp, version: \"b6100\"}",
            "engine: {name: vllm-ascend}",
            "engine: {name: vllm-ascend, version: \"0.1\"}",
            "target: {chip: ascend-910b99, devices: 1}",
            "target: {chip: ascend-310p, devices: 1}\nengine: {name: vllm-ascend, version: \"0.9.1\"}",
            "target: {chip: nvidia-rtx-3090, devices: 1}\nengine: {name: sglang, version: \"0.9\"}",
            "target: {chip: nvidia-l20, devices: 1}\nengine: {name: vllm, version: \"0.9\"}",
            "target: {chip: nvidia-a100-80g-sxm, devices: 1}\nengine: {name: vllm, version: \"0.9\"}\n"
                    + "precision: {weights: fp8-e4m3, activations: fp8-e4m3, kvCache: fp8-e5m2}",
            "target: {chip: nvidia-a100-80g-sxm, devices: 1}\nengine: {name: vllm, version: \"0.9\"}\nquantization: fp8",
            "target: {chip: amd-mi300x, devices: 1}\nengine: {name: vllm, version: \"0.9\"}\n"
                    + "precision: {weights: bf16, activations: fp8-e4m3, kvCache: fp8-e4m3}",
            "target: {chip: biren-br104, devices: 1}\nengine: {name: vllm, version: \"0.9\"}",
            "target: {chip: kunpeng-920, devices: 1}\nengine: {name: vllm, version: \"0.9\"}\nquantization: w8a8",
            "target: {chip: kunpeng-920, devices: 1}\nengine: {name: llama.cpp, version: \"b6100\"}\n"
                    + "parallel: {tensor: 2, pipeline: 1, expert: 1}",
            "target: {chip: intel-xeon-8480, devices: 1}\nengine: {name: vllm, version: \"0.9\"}\n"
                    + "precision: {weights: fp16, activations: fp16, kvCache: fp16}");

    static FindingTexts texts;
    static Validator validator;

    @BeforeAll
    static void bundle() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/findings");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        texts = new FindingTexts(messages);
        validator = new Validator(BackendRegistry.load(FindingTextsTest.class.getClassLoader(), null,
                ChipCatalog.builtIn()));
    }

    @Test
    void everyFindingOfTheDemoConfigsAndTheirBrokenVariantsIsTranslatedWithItsValues() throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<Path> configs;
        try (Stream<Path> files = Files.walk(DEMO)) {
            configs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path config : configs) {
            findings.addAll(validate(config, Files.readString(config)).findings());
        }
        Path llama = DEMO.resolve("meta-llama/Llama-3.1-8B-Instruct/adaptations/ascend-910b3-vllm-ascend.yaml");
        String base = Files.readString(llama);
        for (String variant : VARIANTS) {
            findings.addAll(validate(llama, replaceTopLevel(base, variant)).findings());
        }
        assertThat(configs).hasSizeGreaterThan(10);

        List<String> untranslated = new ArrayList<>();
        Set<String> seen = new java.util.TreeSet<>();
        for (Finding f : findings) {
            seen.add(f.code());
            String zh = texts.message(f.code(), f.message(), ZH);
            if (zh.contains(f.message())) {
                untranslated.add(f.code() + ": " + f.message());
            }
            if (!f.hint().isEmpty() && texts.hint(f.code(), f.hint(), ZH).equals(f.hint())) {
                untranslated.add(f.code() + " hint: " + f.hint());
            }
            assertThat(texts.message(f.code(), f.message(), Locale.ENGLISH)).isEqualTo(f.message());
        }
        assertThat(untranslated).as("findings with no matching English pattern in i18n/findings.properties").isEmpty();
        assertThat(seen).as("codes the variants reach").contains(FindingCodes.MEMORY_PLAN,
                FindingCodes.MEMORY_NO_KV_SPACE, FindingCodes.MEMORY_MAX_MODEL_LEN_TOO_LARGE,
                FindingCodes.MEMORY_CONCURRENCY_LIMITED, FindingCodes.PARALLEL_HEADS_INDIVISIBLE,
                FindingCodes.PARALLEL_KV_HEADS_INDIVISIBLE, FindingCodes.PARALLEL_PIPELINE_EXCEEDS_LAYERS,
                FindingCodes.PARALLEL_PIPELINE_UNEVEN, FindingCodes.PARALLEL_DEVICES_MISMATCH,
                FindingCodes.PARALLEL_MULTI_NODE, FindingCodes.PARALLEL_EXPERT_IGNORED,
                FindingCodes.LIMITS_MAX_MODEL_LEN_EXCEEDS_MODEL, FindingCodes.CHIP_UNKNOWN,
                FindingCodes.ENGINE_VERSION_MODELLED, FindingCodes.QUANT_CHECKPOINT_MISMATCH, FindingCodes.CONFIG_IGNORED,
                "SUPPORT_DTYPE_UNSUPPORTED", "SUPPORT_KV_CACHE_DTYPE_UNSUPPORTED", "SUPPORT_QUANTIZATION_UNSUPPORTED",
                "SUPPORT_BLOCK_SIZE_UNSUPPORTED", "SUPPORT_PARALLELISM_UNSUPPORTED", "SUPPORT_COMPUTE_CAPABILITY_TOO_LOW",
                "SUPPORT_ISA_MISSING", "SUPPORT_OTHER");
    }

    @Test
    void theValuesLandInTheTranslation() {
        String english = "maxModelLen 1000000 exceeds the model's max_position_embeddings 131072";
        assertThat(texts.message(FindingCodes.LIMITS_MAX_MODEL_LEN_EXCEEDS_MODEL, english, ZH))
                .isEqualTo("maxModelLen 1000000 超过模型的 max_position_embeddings 131072");
        assertThat(texts.hint("SUPPORT_DTYPE_UNSUPPORTED", "use one of bf16, fp16", ZH)).isEqualTo("请使用以下之一：bf16, fp16");
    }

    @Test
    void aMessageNoPatternMatchesShowsTheCodesTitleAndTheEnglishText() {
        assertThat(texts.message(FindingCodes.CONFIG_INVALID, "line 3: unknown field 'modle'", ZH))
                .isEqualTo("配置文件无法解析或不符合 Schema：line 3: unknown field 'modle'");
        assertThat(texts.message("SOME_FUTURE_CODE", "a new check said this", ZH)).isEqualTo("a new check said this");
        assertThat(texts.hint("SOME_FUTURE_CODE", "do that", ZH)).isEqualTo("do that");
    }

    @Test
    void aPullRequestChecksSummaryIsTranslatedFindingByFinding() {
        String summary = "MEMORY_CONCURRENCY_LIMITED: the KV cache holds 3.50 sequences of maxModelLen; the workload wants 32; "
                + "PARALLEL_DEVICES_MISMATCH: target.devices is 4 but tensor × pipeline = 2";
        assertThat(texts.summary(summary, ZH)).isEqualTo("MEMORY_CONCURRENCY_LIMITED: KV 缓存可容纳 3.50 条 maxModelLen 长度的序列，"
                + "而负载需要 32 条; PARALLEL_DEVICES_MISMATCH: target.devices 为 4，但张量并行 × 流水线并行 = 2");
        assertThat(texts.summary(summary, Locale.ENGLISH)).isEqualTo(summary);
        assertThat(texts.summary("The check could not run: disk full", ZH)).isEqualTo("The check could not run: disk full");
    }

    private static ValidationReport validate(Path config, String yaml) {
        return validator.validate(yaml, ref -> HfConfigReader.read(config.getParent().resolve(ref.config()).normalize()));
    }

    /** The config with the top-level keys of {@code lines} replaced (one YAML flow mapping per line). */
    static String replaceTopLevel(String yaml, String lines) {
        String out = yaml;
        for (String line : lines.split("\n")) {
            String key = line.substring(0, line.indexOf(':') + 1);
            out = out.lines().anyMatch(l -> l.startsWith(key))
                    ? String.join("\n", out.lines().map(l -> l.startsWith(key) ? line : l).toList())
                    : out + "\n" + line;
        }
        return out;
    }
}
