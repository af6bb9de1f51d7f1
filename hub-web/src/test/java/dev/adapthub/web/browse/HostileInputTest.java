package dev.adapthub.web.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Private repositories stay hidden on every browse route, and hostile addresses get a 4xx, never a file. */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final List<String> ROUTES = List.of("/tree/main", "/tree/main/data", "/blob/main/secret.txt",
            "/resolve/main/secret.txt", "/commits/main", "/commit/%s", "/branches", "/tags");

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepositoryStore store;

    BrowseFixture f;
    Account owner;
    Repo hidden;
    String hiddenCommit;

    @BeforeAll
    void createRepositories() throws Exception {
        f = new BrowseFixture(accounts.create("hostile"), repos, writes, store);
        owner = accounts.create("private");
        hidden = repos.create(owner, new NewRepo(RepoKind.DATASET, null, "hidden-set", true));
        hiddenCommit = writes.commit(hidden, owner, "main", null, "secret", List.of(
                FileChange.put("secret.txt", "the secret\n"), FileChange.put("data/x.csv", "a,b\n")))
                .commitId().name();
    }

    private MockHttpServletResponse fetch(String rawUrl) throws Exception {
        return mvc.perform(get(URI.create(rawUrl))).andReturn().getResponse();
    }

    @Test
    void aPrivateRepositoryIsA404OnEveryRouteForAnonymousAndStrangers() throws Exception {
        Account stranger = accounts.create("stranger");
        for (String route : ROUTES) {
            String url = "/" + hidden.urlPath() + route.formatted(hiddenCommit);
            MockHttpServletResponse anonymous = fetch(url);
            int asStranger = mvc.perform(get(URI.create(url)).with(user(accounts.principal(stranger))))
                    .andReturn().getResponse().getStatus();
            int asOwner = mvc.perform(get(URI.create(url)).with(user(accounts.principal(owner))))
                    .andReturn().getResponse().getStatus();

            // The Hub answers an anonymous download of a hidden repository with 401 (sign in), pages with 404.
            assertThat(anonymous.getStatus()).as(url).isEqualTo(route.startsWith("/resolve/") ? 401 : 404);
            assertThat(anonymous.getContentAsString()).as(url).doesNotContain("the secret").doesNotContain("x.csv");
            assertThat(asStranger).as(url).isEqualTo(404);
            assertThat(asOwner).as(url).isEqualTo(200);
        }
        MockHttpServletResponse headed = mvc.perform(head(URI.create("/" + hidden.urlPath() + "/resolve/main/secret.txt")))
                .andReturn().getResponse();
        assertThat(headed.getStatus()).isEqualTo(401);
        assertThat(headed.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
    }

    @Test
    void traversalAndHostilePathsAre4xxAndNeverReachAFileOutsideTheRepository() throws Exception {
        List<String> hostile = List.of(
                "/blob/main/../../../../etc/passwd",
                "/blob/main/src/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/resolve/main/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/resolve/main/src%2F..%2F..%2Fconfig",
                "/resolve/main//etc/passwd",
                "/resolve/main/%2Fetc%2Fpasswd",
                "/blob/main/src/app.py%00.txt",
                "/tree/main/%00",
                "/resolve/main/.git/config",
                "/resolve/main/.GIT/HEAD",
                "/blob/main/" + "a".repeat(300),
                "/blob/main/" + "a/".repeat(2100) + "b",
                "/resolve/main/%ff%fe.txt",
                "/tree/main~1",
                "/tree/HEAD%5E",
                "/blob/HEAD%5E/src/app.py",
                "/tree/main..v1",
                "/resolve/%2e%2e/src/app.py",
                "/resolve/main%40%7B1%7D/src/app.py",
                "/commits/main~1",
                "/commits/refs%2F..%2Fheads",
                "/commit/HEAD%5E",
                "/commits/main?path=../../etc/passwd",
                "/commits/main?path=/etc/passwd",
                "/commits/main?path=%00");
        for (String path : hostile) {
            String url = f.base() + path;
            MockHttpServletResponse r = fetch(url);

            assertThat(r.getStatus()).as(url).isBetween(400, 499);
            assertThat(r.getContentAsString()).as(url).doesNotContain("root:").doesNotContain("Exception")
                    .doesNotContain("[core]");
        }
    }

    @Test
    void toolRepositoriesAreBrowsedUnderTheirOwnPrefix() throws Exception {
        Repo tool = repos.create(owner, new NewRepo(RepoKind.TOOL, null, "profiler", false));
        writes.commit(tool, owner, "main", null, "script", List.of(FileChange.put("bin/run.sh", "echo hi\n")));

        assertThat(fetch("/tools/" + tool.fullName() + "/tree/main/bin").getContentAsString())
                .contains("href=\"/tools/" + tool.fullName() + "/blob/main/bin/run.sh\"");
        assertThat(fetch("/tools/" + tool.fullName() + "/resolve/main/bin/run.sh").getContentAsString())
                .isEqualTo("echo hi\n");
        assertThat(fetch("/" + tool.fullName() + "/tree/main").getStatus()).isEqualTo(404);
    }

    @Test
    void anEncodedRevisionIsDecodedExactlyOnce() throws Exception {
        // %25 (and so double encoding) is refused by the firewall before the controller; a 4xx either way.
        assertThat(fetch(f.base() + "/resolve/refs%252Fheads%252Fmain/src/app.py").getStatus()).isBetween(400, 499);
        assertThat(fetch(f.base() + "/tree/refs/heads/main/src").getStatus()).isEqualTo(200);
        assertThat(fetch(f.base() + "/resolve/refs/heads/main/src/app.py").getContentAsString())
                .isEqualTo(BrowseFixture.APP_V2);
        assertThat(fetch(f.base() + "/blob/ma%69n/src/app.py").getStatus()).isEqualTo(200);
    }
}
