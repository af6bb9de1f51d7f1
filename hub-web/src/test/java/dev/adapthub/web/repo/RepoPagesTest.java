package dev.adapthub.web.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.git.write.Content;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@HubWebTest
class RepoPagesTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;

    @Test
    void aWriterCreatesAModelFromTheFormAndSeesTheEmptyRepositoryWithCloneInstructions() throws Exception {
        Account ada = accounts.create("ada");

        mvc.perform(post("/new").with(csrf()).with(user(accounts.principal(ada)))
                        .param("type", "model").param("owner", ada.name()).param("name", "Qwen2.5-7B-npu"))
                .andExpect(redirectedUrl("/" + ada.name() + "/Qwen2.5-7B-npu"));

        mvc.perform(get("/" + ada.name() + "/Qwen2.5-7B-npu"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"empty-repo\"")))
                .andExpect(content().string(containsString(ada.name() + "/Qwen2.5-7B-npu.git")));
    }

    @Test
    void badNamesAreShownOnTheFormAndNothingIsCreated() throws Exception {
        Account ada = accounts.create("ada");

        mvc.perform(post("/new").with(csrf()).with(user(accounts.principal(ada)))
                        .param("type", "model").param("owner", ada.name()).param("name", "../../etc/passwd"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Use letters, digits")));
        mvc.perform(post("/new").with(csrf()).with(user(accounts.principal(ada)))
                        .param("type", "weights").param("owner", ada.name()).param("name", "ok"))
                .andExpect(status().is(422));
        assertThat(repos.listOwnedBy(ada.name(), ada)).isEmpty();
    }

    @Test
    void theReadmeRendersWithItsCardAndWithoutScripts() throws Exception {
        Account ada = accounts.create("ada");
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "llama-ascend", false));
        String readme = """
                ---
                license: llama3.1
                chips: [ascend-910b3]
                engines: [vllm-ascend]
                ---
                # Llama on Ascend

                | chip | tokens/s |
                | --- | --- |
                | 910B3 | 1200 |

                <script>alert('x')</script>
                [evil](javascript:alert(1)) [config](configs/910b3.yaml) ![plot](img/plot.png)
                """;
        writes.commit(repo, ada, "main", null, "Add README", List.of(
                new FileChange.Put("README.md", Content.of(readme.getBytes(StandardCharsets.UTF_8)))));

        String page = mvc.perform(get("/" + repo.urlPath())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("license: llama3.1").contains("chip: ascend-910b3").contains("engine: vllm-ascend")
                .contains("<table>").contains("Llama on Ascend")
                .contains("href=\"/" + repo.urlPath() + "/blob/main/configs/910b3.yaml\"")
                .contains("src=\"/" + repo.urlPath() + "/resolve/main/img/plot.png\"")
                .doesNotContain("<script>alert").doesNotContain("javascript:");
    }

    @Test
    void aPrivateRepositoryIsA404ForStrangersAndAnonymous() throws Exception {
        Account ada = accounts.create("ada");
        Account eve = accounts.create("eve");
        Repo repo = repos.create(ada, new NewRepo(RepoKind.DATASET, null, "secret-set", true));

        mvc.perform(get("/" + repo.urlPath())).andExpect(status().isNotFound());
        mvc.perform(get("/" + repo.urlPath()).with(user(accounts.principal(eve)))).andExpect(status().isNotFound());
        mvc.perform(get("/" + repo.urlPath()).with(user(accounts.principal(ada)))).andExpect(status().isOk());
        mvc.perform(get("/" + ada.name()).with(user(accounts.principal(eve))))
                .andExpect(content().string(not(containsString("secret-set"))));
    }

    @Test
    void theApiCreatesRepositoriesWithAWriteTokenOnly() throws Exception {
        Account ada = accounts.create("ada");
        String write = accounts.token(ada, TokenScope.WRITE);
        String read = accounts.token(ada, TokenScope.READ);
        String body = "{\"name\":\"mixtral-w8a8\",\"type\":\"model\",\"private\":true}";

        mvc.perform(post("/api/repos/create").header("Authorization", "Bearer " + write)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(ada.name() + "/mixtral-w8a8"))
                .andExpect(jsonPath("$.url").value(containsString("/" + ada.name() + "/mixtral-w8a8")));
        mvc.perform(post("/api/repos/create").header("Authorization", "Bearer " + write)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value(containsString("exists")));
        mvc.perform(post("/api/repos/create").header("Authorization", "Bearer " + read)
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("mixtral", "other")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/repos/create").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized()).andExpect(header().exists("WWW-Authenticate"));
        mvc.perform(post("/api/repos/create").header("Authorization", "Bearer " + write)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": [1,2"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/repos/create").header("Authorization", "Bearer " + write)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"type\":\"space\"}"))
                .andExpect(status().is(422)).andExpect(jsonPath("$.field").value("type"));
        assertThat(repos.listOwnedBy(ada.name(), ada)).extracting(Repo::name).containsExactly("mixtral-w8a8");
    }

    @Test
    void renameRedirectsTheOldAddressAndDeleteNeedsTheTypedName() throws Exception {
        Account ada = accounts.create("ada");
        Repo repo = repos.create(ada, new NewRepo(RepoKind.TOOL, null, "profiler", false));

        mvc.perform(post("/" + repo.urlPath() + "/settings/rename").with(csrf()).with(user(accounts.principal(ada)))
                .param("newName", "npu-profiler")).andExpect(redirectedUrl("/tools/" + ada.name() + "/npu-profiler"));
        mvc.perform(get("/tools/" + ada.name() + "/profiler")).andExpect(redirectedUrl("/tools/" + ada.name() + "/npu-profiler"));

        mvc.perform(post("/tools/" + ada.name() + "/npu-profiler/settings/delete").with(csrf())
                        .with(user(accounts.principal(ada))).param("confirmation", "npu-profiler"))
                .andExpect(status().is(422));
        mvc.perform(post("/tools/" + ada.name() + "/npu-profiler/settings/delete").with(csrf())
                        .with(user(accounts.principal(ada))).param("confirmation", ada.name() + "/npu-profiler"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/tools/" + ada.name() + "/npu-profiler")).andExpect(status().isNotFound());
    }

    @Test
    void listingsFilterByChipAndTextAndNeverShowPrivateRepositories() throws Exception {
        Account ada = accounts.create("lister");
        Repo npu = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "list-npu", false));
        Repo gpu = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "list-gpu", false));
        repos.create(ada, new NewRepo(RepoKind.MODEL, null, "list-hidden", true));
        writes.commit(npu, ada, "main", null, "card", List.of(new FileChange.Put("README.md",
                Content.of("---\nchips: [ascend-910b3]\ntags: [w8a8]\n---\n".getBytes(StandardCharsets.UTF_8)))));
        writes.commit(gpu, ada, "main", null, "card", List.of(new FileChange.Put("README.md",
                Content.of("---\nchips: [nvidia-h100-sxm]\n---\n".getBytes(StandardCharsets.UTF_8)))));

        String byChip = mvc.perform(get("/models").param("chip", "ascend-910b3")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String byText = mvc.perform(get("/models").param("q", ada.name())).andReturn().getResponse().getContentAsString();
        String partialChip = mvc.perform(get("/models").param("chip", "ascend")).andReturn().getResponse()
                .getContentAsString();

        assertThat(byChip).contains(npu.fullName()).doesNotContain(gpu.fullName());
        assertThat(byText).contains(npu.fullName()).contains(gpu.fullName()).doesNotContain("list-hidden");
        assertThat(partialChip).doesNotContain(npu.fullName());
        mvc.perform(get("/models").param("q", "%' or 1=1 --").param("page", "-5").param("sort", "<x>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(npu.fullName()))));
    }
}
