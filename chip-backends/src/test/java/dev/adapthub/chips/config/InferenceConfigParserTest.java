package dev.adapthub.chips.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InferenceConfigParserTest {

    private static final String DESIGN_SKETCH = """
            apiVersion: adapthub/v1
            kind: InferenceConfig
            model: {config: ../config.json}
            target: {chip: ascend-910b3, devices: 2}
            engine: {name: vllm-ascend, version: "0.9"}
            precision: {weights: bf16, activations: bf16, kvCache: bf16}
            parallel: {tensor: 2, pipeline: 1, expert: 1}
            limits: {maxModelLen: 32768, maxNumSeqs: 128, maxBatchedTokens: 8192, blockSize: 128}
            memory: {utilization: 0.90}
            workload: {inputTokens: 2048, outputTokens: 256, concurrency: 32}
            """;

    @Test
    void parsesTheDesignSketchWithItsFieldNames() throws ConfigException {
        InferenceConfig c = InferenceConfigParser.parse(DESIGN_SKETCH);
        assertThat(c.model().config()).isEqualTo("../config.json");
        assertThat(c.target().chip()).isEqualTo("ascend-910b3");
        assertThat(c.devices()).isEqualTo(2);
        assertThat(c.engine().version()).isEqualTo("0.9");
        assertThat(c.precision().kvCache()).isEqualTo("bf16");
        assertThat(c.parallel().tensorOrOne()).isEqualTo(2);
        assertThat(c.limits().maxBatchedTokens()).isEqualTo(8192);
        assertThat(c.memory().utilization()).isEqualTo(0.9);
        assertThat(c.workload().concurrency()).isEqualTo(32);
    }

    @Test
    void unknownFieldGetsDidYouMeanWithLineAndColumn() {
        String yaml = DESIGN_SKETCH.replace("maxNumSeqs: 128", "maxNumSeq: 128");
        ConfigProblem p = single(yaml);
        assertThat(p.path()).isEqualTo("limits.maxNumSeq");
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.column()).isGreaterThan(1);
        assertThat(p.hint()).isEqualTo("did you mean 'maxNumSeqs'?");
    }

    @Test
    void wrongTypeAndRangeNameTheFieldPath() {
        ConfigProblem p = single(DESIGN_SKETCH.replace("utilization: 0.90", "utilization: 1.5"));
        assertThat(p.path()).isEqualTo("memory.utilization");
        assertThat(p.line()).isEqualTo(9);
        ConfigProblem engine = single(DESIGN_SKETCH.replace("name: vllm-ascend", "name: tgi"));
        assertThat(engine.path()).isEqualTo("engine.name");
        assertThat(engine.hint()).contains("vllm-ascend", "llama.cpp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"maxModelLen: .nan", "maxModelLen: -5", "maxModelLen: 99999999999999999999999999",
            "maxModelLen: .inf", "maxModelLen: 1.5"})
    void badNumbersAreRefused(String bad) {
        String yaml = DESIGN_SKETCH.replace("maxModelLen: 32768", bad);
        assertThatThrownBy(() -> InferenceConfigParser.parse(yaml)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems().get(0).path()).isEqualTo("limits.maxModelLen"));
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder sb = new StringBuilder("apiVersion: adapthub/v1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            sb.append(c).append(": &").append(c).append(" [*").append(prev).append(",*").append(prev).append(",*")
                    .append(prev).append(",*").append(prev).append("]\n");
        }
        assertThatThrownBy(() -> InferenceConfigParser.parse(sb.toString())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("aliases");
    }

    @Test
    void oversizedFileIsRefused() {
        String yaml = DESIGN_SKETCH + "# " + "x".repeat(70_000) + "\n";
        assertThatThrownBy(() -> InferenceConfigParser.parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void customTagsAreRefused() {
        String yaml = DESIGN_SKETCH.replace("chip: ascend-910b3", "chip: !!javax.script.ScriptEngineManager [x]");
        ConfigProblem p = single(yaml);
        assertThat(p.message()).contains("not allowed");
        assertThat(p.line()).isEqualTo(4);
    }

    @Test
    void malformedYamlGivesLineAndColumn() {
        ConfigProblem p = single("apiVersion: adapthub/v1\nkind: [InferenceConfig\nmodel: x\n");
        assertThat(p.message()).startsWith("not valid YAML");
        assertThat(p.line()).isGreaterThan(1);
    }

    @Test
    void duplicateKeysAndMissingSectionsAreReported() {
        assertThat(single(DESIGN_SKETCH + "memory: {utilization: 0.5}\n").message()).contains("duplicate key");
        List<ConfigProblem> problems = problems("apiVersion: adapthub/v1\nkind: InferenceConfig\n");
        assertThat(problems).extracting(ConfigProblem::path).contains("model", "target", "engine");
    }

    @Test
    void publishedSchemaIsAvailable() {
        assertThat(InferenceConfigParser.schema().path("properties").has("workload")).isTrue();
    }

    private static ConfigProblem single(String yaml) {
        List<ConfigProblem> problems = problems(yaml);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static List<ConfigProblem> problems(String yaml) {
        try {
            InferenceConfigParser.parse(yaml);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected a ConfigException");
    }
}
