package dev.adapthub.web.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.SeededHubTest;
import dev.adapthub.web.support.TestAccounts;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The matrix page and its JSON, served from the anonymous cache, change as soon as the index does. */
@SeededHubTest
class MatrixPageTest {

    @Autowired MockMvc mvc;
    @Autowired AdaptationIndex index;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired TestAccounts accounts;

    String body(String path, String... params) throws Exception {
        var request = get(path);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void filtersAreHonouredAndANewlyValidatedModelAppearsWithoutWaitingForTheCache() throws Exception {
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> body("/api/matrix").contains("Llama-3.1-8B"));
        String all = body("/matrix");
        String npu = body("/matrix", "family", "npu");
        String json = body("/api/matrix", "engine", "mindie");

        Account ada = accounts.create("matrix");
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "fresh-model", false));
        writes.commit(repo, ada, "main", null, "A model and a config", List.of(
                new FileChange.Put("config.json", Content.of(demo("Qwen/Qwen2.5-0.5B-Instruct/config.json"))),
                new FileChange.Put("adaptations/nvidia-rtx-3090-vllm.yaml",
                        Content.of(demo("Qwen/Qwen2.5-0.5B-Instruct/adaptations/nvidia-rtx-3090-vllm.yaml")))));
        Awaitility.await().atMost(30, TimeUnit.SECONDS).until(() -> !index.forRepository(repo).isEmpty());

        assertThat(all).contains("NVIDIA A100").contains("Kunpeng");
        assertThat(npu).contains("Ascend 910B3").doesNotContain("NVIDIA A100");
        assertThat(json).contains("\"engine\":\"mindie\"").doesNotContain("\"engine\":\"vllm\"");
        assertThat(body("/matrix")).contains(repo.fullName());
        assertThat(body("/api/matrix")).contains(repo.fullName());
        assertThat(mvc.perform(get("/matrix").with(user(accounts.principal(ada)))).andReturn().getResponse()
                .getContentAsString()).contains(repo.fullName()).contains(ada.name());
    }

    private static byte[] demo(String path) throws Exception {
        try (InputStream in = MatrixPageTest.class.getClassLoader().getResourceAsStream("demo/repos/" + path)) {
            return in.readAllBytes();
        }
    }
}
