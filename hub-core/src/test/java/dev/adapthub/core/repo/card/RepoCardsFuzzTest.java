package dev.adapthub.core.repo.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.util.List;

/**
 * Fuzz target for the README front-matter parser, which reads every README pushed to the hub.
 * Its contract ({@link RepoCards}): any text yields a card and the Markdown body, never an
 * exception; a front matter that cannot be read becomes a card with a warning; every field stays
 * within its bound, however large or hostile the YAML (alias bombs, deep nesting, custom tags).
 *
 * <p>{@code ./mvnw verify} fuzzes it for 30 s (see docs/security.md); plain {@code test} replays the
 * seeds in {@code RepoCardsFuzzTestInputs/}.
 */
class RepoCardsFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void frontMatter(@NotNull String readme) {
        ParsedReadme parsed = RepoCards.parse(readme);

        RepoCard card = parsed.card();
        assertThat(card).isNotNull();
        assertThat(parsed.markdown()).isNotNull();
        assertThat(readme).endsWith(parsed.markdown());
        if (card.warning() != null) {
            assertThat(card.warning()).isNotBlank();
            assertThat(card.isEmpty()).isTrue();
        }
        for (List<String> list : List.of(card.tags(), card.chips(), card.engines(), card.chipFamilies())) {
            assertThat(list).hasSizeLessThanOrEqualTo(RepoCards.MAX_LIST).allSatisfy(RepoCardsFuzzTest::bounded);
        }
        for (String text : new String[] {card.license(), card.pipelineTag(), card.baseModel(), card.library(),
                card.category(), card.version()}) {
            if (text != null) {
                bounded(text);
            }
        }
        if (card.install() != null) {
            assertThat(card.install()).isNotBlank().hasSizeLessThanOrEqualTo(RepoCards.MAX_SNIPPET);
        }
    }

    private static void bounded(String value) {
        assertThat(value).isNotBlank().hasSizeLessThanOrEqualTo(RepoCards.MAX_VALUE);
    }
}
