package dev.adapthub.web.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.Organization;
import dev.adapthub.core.org.OrganizationService;
import dev.adapthub.core.org.Role;
import dev.adapthub.core.pull.protection.BranchProtections;
import dev.adapthub.core.pull.protection.ProtectionRule;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoPermission;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.CommitResult;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@HubWebTest
class EditAndUploadTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired OrganizationService organizations;
    @Autowired BranchProtections protections;

    private CommitResult seed(Repo repo, Account owner) {
        return writes.commit(repo, owner, "main", null, "seed", List.of(
                new FileChange.Put("README.md", Content.of("v1\n".getBytes(StandardCharsets.UTF_8)))));
    }

    private String readme(Repo repo) {
        return files.readText(repo, files.resolve(repo, "main").orElseThrow(), "README.md", 1 << 20).orElseThrow();
    }

    @Test
    void anEditCommitsOnTopOfTheCommitItStartedFromAndAStaleEditIsAConflict() throws Exception {
        Account ada = accounts.create("ed");
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "editable", false));
        String base = seed(repo, ada).commitId().name();

        mvc.perform(get("/" + repo.urlPath() + "/edit").param("branch", "main").param("path", "README.md")
                        .with(user(accounts.principal(ada))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("v1")));
        mvc.perform(post("/" + repo.urlPath() + "/edit").with(csrf()).with(user(accounts.principal(ada)))
                        .param("branch", "main").param("path", "README.md").param("base", base)
                        .param("content", "v2\n").param("message", "Second version"))
                .andExpect(status().is3xxRedirection());
        assertThat(readme(repo)).isEqualTo("v2\n");

        mvc.perform(post("/" + repo.urlPath() + "/edit").with(csrf()).with(user(accounts.principal(ada)))
                        .param("branch", "main").param("path", "README.md").param("base", base)
                        .param("content", "a stale v2\n").param("message", "Lost update?"))
                .andExpect(status().isConflict());
        assertThat(readme(repo)).isEqualTo("v2\n");
    }

    @Test
    void aBrowserEditKeepsTheFilesLineEndingsSoOnlyEditedLinesChange() throws Exception {
        Account ada = accounts.create("eol");
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "line-endings", false));
        String base = seed(repo, ada).commitId().name();

        // Browsers submit a textarea's lines with CRLF whatever the file had.
        mvc.perform(post("/" + repo.urlPath() + "/edit").with(csrf()).with(user(accounts.principal(ada)))
                        .param("branch", "main").param("path", "README.md").param("base", base)
                        .param("content", "v1\r\nv2\r\n").param("message", "Add a line"))
                .andExpect(status().is3xxRedirection());

        assertThat(readme(repo)).isEqualTo("v1\nv2\n");
    }

    @Test
    void membersMayNotEditTheProtectedDefaultBranchAndStrangersCannotEditAtAll() throws Exception {
        Account owner = accounts.create("own");
        Account member = accounts.create("mem");
        Account stranger = accounts.create("str");
        Organization org = organizations.create(owner.id(), new NewOrganization("ed-" + UUID.randomUUID().toString()
                .substring(0, 6), null, null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "guarded", false));
        String base = seed(repo, owner).commitId().name();

        mvc.perform(post("/" + repo.urlPath() + "/edit").with(csrf()).with(user(accounts.principal(member)))
                        .param("branch", "main").param("path", "README.md").param("base", base)
                        .param("content", "member change\n").param("message", "m"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("protected")));
        mvc.perform(post("/" + repo.urlPath() + "/edit").with(csrf()).with(user(accounts.principal(stranger)))
                        .param("branch", "main").param("path", "README.md").param("base", base)
                        .param("content", "stranger change\n").param("message", "s"))
                .andExpect(status().isForbidden());
        assertThat(readme(repo)).isEqualTo("v1\n");
    }

    @Test
    void aProtectedBranchRefusesAWritersBrowserEditAsItRefusesTheirPush() throws Exception {
        Account owner = accounts.create("own");
        Account member = accounts.create("mem");
        Organization org = organizations.create(owner.id(), new NewOrganization("rel-" + UUID.randomUUID().toString()
                .substring(0, 6), null, null));
        organizations.setRole(org.id(), owner.id(), member.name(), Role.MEMBER);
        Repo repo = repos.create(owner, new NewRepo(RepoKind.MODEL, org.name(), "released", false));
        seed(repo, owner);
        writes.commit(repo, owner, "release/1.0", null, "branch", List.of(
                new FileChange.Put("NOTES.md", Content.of("1.0\n".getBytes(StandardCharsets.UTF_8)))));
        writes.commit(repo, owner, "tuning", null, "branch", List.of(
                new FileChange.Put("NOTES.md", Content.of("wip\n".getBytes(StandardCharsets.UTF_8)))));
        protections.save(owner, repo, new ProtectionRule("release/*", 1, true, true, false, RepoPermission.MAINTAIN,
                RepoPermission.MAINTAIN));
        String releaseHead = files.resolve(repo, "release/1.0").orElseThrow().commitId().name();
        String tuningHead = files.resolve(repo, "tuning").orElseThrow().commitId().name();

        mvc.perform(post("/" + repo.urlPath() + "/edit").with(csrf()).with(user(accounts.principal(member)))
                        .param("branch", "release/1.0").param("path", "NOTES.md").param("base", releaseHead)
                        .param("content", "sneaked in\n").param("message", "m"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("only maintainers commit to it directly")));
        mvc.perform(post("/" + repo.urlPath() + "/edit").with(csrf()).with(user(accounts.principal(member)))
                        .param("branch", "tuning").param("path", "NOTES.md").param("base", tuningHead)
                        .param("content", "tuned\n").param("message", "m"))
                .andExpect(status().is3xxRedirection());

        assertThat(files.resolve(repo, "release/1.0").orElseThrow().commitId().name()).isEqualTo(releaseHead);
        assertThat(files.resolve(repo, "tuning").orElseThrow().commitId().name()).isNotEqualTo(tuningHead);
    }

    @Test
    void uploadsCommitFilesAndRefuseHostileNamesAndEmptyForms() throws Exception {
        Account ada = accounts.create("up");
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "uploads", false));
        seed(repo, ada);
        MockMultipartFile config = new MockMultipartFile("files", "910b3.yaml", "text/yaml",
                "apiVersion: adapthub/v1\n".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/" + repo.urlPath() + "/upload").file(config).with(csrf())
                        .with(user(accounts.principal(ada)))
                        .param("branch", "main").param("folder", "adaptations").param("message", "Add a config"))
                .andExpect(status().is3xxRedirection());
        assertThat(files.readText(repo, files.resolve(repo, "main").orElseThrow(), "adaptations/910b3.yaml", 1000))
                .contains("apiVersion: adapthub/v1\n");

        MockMultipartFile hostile = new MockMultipartFile("files", "../../escape.txt", "text/plain", "x".getBytes());
        mvc.perform(multipart("/" + repo.urlPath() + "/upload").file(hostile).with(csrf())
                        .with(user(accounts.principal(ada))).param("branch", "main").param("message", "escape"))
                .andExpect(status().is(422));
        mvc.perform(multipart("/" + repo.urlPath() + "/upload").with(csrf()).with(user(accounts.principal(ada)))
                        .param("branch", "main").param("message", "nothing"))
                .andExpect(status().is(422)).andExpect(content().string(containsString("at least one file")));
        mvc.perform(multipart("/" + repo.urlPath() + "/upload").file(config).with(user(accounts.principal(ada)))
                        .param("branch", "main").param("message", "no csrf"))
                .andExpect(status().isForbidden());
        assertThat(files.history(repo, files.resolve(repo, "main").orElseThrow(), "", 0, 10).commits()).hasSize(2);
    }
}
