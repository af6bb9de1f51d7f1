package dev.adapthub.core.repo.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepoCardsTest {

    @Test
    void readsHuggingFaceFieldsAndTheHubsChipAndEngineLists() {
        ParsedReadme parsed = RepoCards.parse("""
                ---
                license: apache-2.0
                tags: [text-generation, ascend]
                pipeline_tag: text-generation
                base_model: meta-llama/Llama-3.1-8B
                library_name: vllm
                chips: [ascend-910b3]
                hardwares: [nvidia-a100-80g-sxm, ascend-910b3]
                engines:
                  - vllm-ascend
                ---
                # Llama 3.1 8B on Ascend
                """);

        RepoCard card = parsed.card();
        assertThat(card.license()).isEqualTo("apache-2.0");
        assertThat(card.tags()).containsExactly("text-generation", "ascend");
        assertThat(card.baseModel()).isEqualTo("meta-llama/Llama-3.1-8B");
        assertThat(card.library()).isEqualTo("vllm");
        assertThat(card.chips()).containsExactly("ascend-910b3", "nvidia-a100-80g-sxm");
        assertThat(card.engines()).containsExactly("vllm-ascend");
        assertThat(card.warning()).isNull();
        assertThat(parsed.markdown()).isEqualTo("# Llama 3.1 8B on Ascend\n");
    }

    @Test
    void readsTheToolCentersFamiliesVersionAndInstallSnippet() {
        RepoCard card = RepoCards.parse("""
                ---
                category: quantizer
                chip_families: [NPU, GPGPU]
                version: 8.1.RC1
                install: |
                  git clone https://example.org/msit
                  bash install.sh
                ---
                """).card();
        RepoCard list = RepoCards.parse("---\ninstall: [not, a, snippet]\nversion: {x: 1}\n---\n").card();

        assertThat(card.chipFamilies()).containsExactly("NPU", "GPGPU");
        assertThat(card.version()).isEqualTo("8.1.RC1");
        assertThat(card.install()).isEqualTo("git clone https://example.org/msit\nbash install.sh");
        assertThat(card.isEmpty()).isFalse();
        assertThat(list.install()).isNull();
        assertThat(list.version()).isNull();
    }

    @Test
    void malformedFrontMatterKeepsThePageAndSaysWhere() {
        ParsedReadme parsed = RepoCards.parse("---\nlicense: [unclosed\n---\nBody text\n");

        assertThat(parsed.card().warning()).contains("not valid YAML at line");
        assertThat(parsed.markdown()).isEqualTo("Body text\n");
    }

    @Test
    void anAliasBombIsRefusedNotExpanded() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        ParsedReadme parsed = RepoCards.parse("---\n" + yaml + "---\nok\n");

        assertThat(parsed.card().warning()).isNotNull();
        assertThat(parsed.markdown()).isEqualTo("ok\n");
    }

    @Test
    void customTagsAndNonMappingsAreRefused() {
        assertThat(RepoCards.parse("---\n!!javax.script.ScriptEngineManager [x]\n---\n").card().warning()).isNotNull();
        assertThat(RepoCards.parse("---\n- just\n- a list\n---\n").card().warning()).contains("mapping");
        assertThat(RepoCards.parse("---\nlicense: mit\nbody without end").card().warning()).contains("no closing");
    }

    @Test
    void aReadmeWithoutFrontMatterIsAllBody() {
        ParsedReadme parsed = RepoCards.parse("# Title\n---\ntext");
        assertThat(parsed.card()).isEqualTo(RepoCard.EMPTY);
        assertThat(parsed.markdown()).startsWith("# Title");
    }
}
