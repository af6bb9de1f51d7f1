package dev.adapthub.web.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.adaptation.AdaptationRefresh;
import dev.adapthub.core.adaptation.AdaptationValidation;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.SeededHubTest;
import dev.adapthub.web.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A validation goes stale when its backend or catalog version changes or the model's config.json
 * changes; pages show it stale, and the background job validates it again.
 */
@SeededHubTest
class StalenessTest {

    static final String CONFIG = "adaptations/nvidia-rtx-3090-vllm.yaml";

    @Autowired MockMvc mvc;
    @Autowired AdaptationIndex index;
    @Autowired AdaptationRefresh refresh;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    Account owner;

    Repo model(String name) {
        owner = accounts.create("stale");
        Repo repo = AdaptationFixture.model(repos, writes, owner, name, false, CONFIG,
                "Qwen/Qwen2.5-7B-Instruct/" + CONFIG);
        AdaptationFixture.await(index, repo, CONFIG, r -> !index.isStale(r));
        return repo;
    }

    String page(Repo repo) throws Exception {
        return mvc.perform(get("/" + repo.urlPath() + "/adaptations")).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aBackendVersionChangeShowsStaleAndIsValidatedAgainInTheBackground() throws Exception {
        Repo repo = model("stale-backend");
        AdaptationValidation before = index.forRepository(repo).get(0);
        // What a validation by the previous backend release looks like.
        jdbc.update("update adaptation_validations set backend_version = '0.0.1-old' where id = ?", before.id());

        String stalePage = page(repo);
        AdaptationValidation old = index.forRepository(repo).get(0);
        int scheduled = refresh.scheduleOutOfDate();
        AdaptationValidation after = AdaptationFixture.await(index, repo, CONFIG,
                r -> r.backendVersion().equals(before.backendVersion()) && !r.stale());

        assertThat(index.isStale(old)).isTrue();
        assertThat(index.staleReason(old)).contains("0.0.1-old").contains(before.backendVersion());
        assertThat(stalePage).contains("stale: re-validating");
        assertThat(scheduled).isPositive();
        assertThat(after.validatedAt()).isAfter(before.validatedAt());
        assertThat(page(repo)).doesNotContain("stale: re-validating");
    }

    @Test
    void aCatalogVersionChangeIsStaleToo() {
        Repo repo = model("stale-catalog");
        AdaptationValidation row = index.forRepository(repo).get(0);
        jdbc.update("update adaptation_validations set catalog_version = catalog_version + 100 where id = ?", row.id());

        AdaptationValidation changed = index.forRepository(repo).get(0);

        assertThat(index.staleReason(changed)).contains("catalog entry of nvidia-rtx-3090 changed");
    }

    @Test
    void changingTheModelsConfigJsonMarksItsConfigsStaleAndTheyAreValidatedAgain() {
        Repo repo = model("stale-model");
        AdaptationValidation before = index.forRepository(repo).get(0);
        String changed = new String(AdaptationFixture.demoFile("Qwen/Qwen2.5-7B-Instruct/config.json"),
                StandardCharsets.UTF_8).replace("\"num_hidden_layers\": 28", "\"num_hidden_layers\": 20");
        assertThat(changed).contains("\"num_hidden_layers\": 20");

        writes.commit(repo, owner, "main", null, "Fewer layers", List.of(new FileChange.Put("config.json",
                        Content.of(changed.getBytes(StandardCharsets.UTF_8)))));
        AdaptationValidation after = AdaptationFixture.await(index, repo, CONFIG,
                r -> !r.modelConfigBlobId().equals(before.modelConfigBlobId()) && !r.stale());

        assertThat(after.commitId()).isNotEqualTo(before.commitId());
        assertThat(after.reportDigest()).isNotEqualTo(before.reportDigest());
        assertThat(after.blobId()).isEqualTo(before.blobId());
    }

    @Test
    void aReadmeChangeMovesRowsToTheNewCommitWithoutValidatingAgain() {
        Repo repo = model("stale-readme");
        AdaptationValidation before = index.forRepository(repo).get(0);

        writes.commit(repo, owner, "main", null, "Card", List.of(new FileChange.Put("README.md",
                Content.of("# A model\n".getBytes(StandardCharsets.UTF_8)))));
        AdaptationValidation after = AdaptationFixture.await(index, repo, CONFIG,
                r -> !r.commitId().equals(before.commitId()));

        assertThat(after.validatedAt()).isEqualTo(before.validatedAt());
        assertThat(after.stale()).isFalse();
    }
}
