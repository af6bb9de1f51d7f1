package dev.adapthub.web.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationIndex;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * The "Run it on my chip" panel is cached per commit and index generation: after a changed config
 * is validated again, and after a new config lands, the model page shows their commands, not the
 * ones it showed before.
 */
@SeededHubTest
class RunPanelCacheTest {

    static final String VLLM = "adaptations/nvidia-rtx-3090-vllm.yaml";
    static final String LLAMACPP = "adaptations/kunpeng-920-llama.cpp.yaml";

    @Autowired MockMvc mvc;
    @Autowired AdaptationIndex index;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired TestAccounts accounts;

    String page(Repo repo) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get("/" + repo.urlPath())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void thePanelShowsTheCommandOfTheLatestValidationAndOfANewConfig() throws Exception {
        Account owner = accounts.create("panel");
        Repo repo = AdaptationFixture.model(repos, writes, owner, "panel-cache", false, VLLM,
                "Qwen/Qwen2.5-7B-Instruct/" + VLLM);
        AdaptationValidation first = AdaptationFixture.await(index, repo, VLLM, r -> !index.isStale(r));
        String before = page(repo);
        assertThat(page(repo)).isEqualTo(before);
        assertThat(before).contains("--revision " + first.commitId()).contains("--max-model-len 16384");

        String shorter = new String(AdaptationFixture.demoFile("Qwen/Qwen2.5-7B-Instruct/" + VLLM),
                StandardCharsets.UTF_8).replace("maxModelLen: 16384", "maxModelLen: 8192");
        assertThat(shorter).contains("maxModelLen: 8192");
        writes.commit(repo, owner, "main", null, "Shorter context", List.of(
                new FileChange.Put(VLLM, Content.of(shorter.getBytes(StandardCharsets.UTF_8)))));
        // Viewed while the change is being validated: whatever this shows must not outlive the validation.
        page(repo);
        AdaptationValidation changed = AdaptationFixture.await(index, repo, VLLM,
                r -> !r.blobId().equals(first.blobId()) && !index.isStale(r));

        String after = page(repo);
        assertThat(after).contains("--revision " + changed.commitId()).contains("--max-model-len 8192")
                .doesNotContain("--max-model-len 16384").doesNotContain(first.commitId());

        writes.commit(repo, owner, "main", null, "Kunpeng", List.of(new FileChange.Put(LLAMACPP,
                Content.of(AdaptationFixture.demoFile("Qwen/Qwen2.5-7B-Instruct/" + LLAMACPP)))));
        page(repo);
        AdaptationValidation added = AdaptationFixture.await(index, repo, LLAMACPP, r -> !index.isStale(r));

        String withBoth = page(repo);
        assertThat(added.passed()).isTrue();
        assertThat(withBoth).contains("id=\"run-kunpeng-920-kunpeng-920-llama-cpp\"")
                .contains("--max-model-len 8192").contains("--revision " + added.commitId());
    }
}
