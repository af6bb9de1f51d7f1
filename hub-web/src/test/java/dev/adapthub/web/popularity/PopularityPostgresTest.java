package dev.adapthub.web.popularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.write.Content;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** {@link PopularityScenarios} on PostgreSQL, plus clones with the real git client and the page's like button. */
@HubWebTest
class PopularityPostgresTest extends PopularityScenarios {

    @Autowired MockMvc mvc;

    @Test
    void aFreshCloneCountsAsADownloadAndAFetchDoesNot() throws Exception {
        GitCli git = new GitCli();
        Account owner = accounts.create("cl");
        Repo repo = model(owner, false);
        Path work = Files.createTempDirectory("clone-count");
        String url = "http://localhost:" + port + "/" + repo.urlPath() + ".git";

        git.ok(work, "clone", "-q", url, "first");
        git.ok(work, "clone", "-q", "--depth", "1", url, "shallow");
        counter.flush();
        assertThat(downloads(repo)).isEqualTo(2);

        writes.commit(repo, owner, "main", null, "More", List.of(new FileChange.Put("notes.md",
                Content.of("more\n".getBytes(StandardCharsets.UTF_8)))));
        git.ok(work.resolve("first"), "fetch", "-q", "origin");
        git.ok(work.resolve("first"), "fetch", "-q", "origin");
        git.ok(work, "ls-remote", url);
        counter.flush();
        assertThat(downloads(repo)).as("fetches with common history and ls-remote are not downloads").isEqualTo(2);
        assertThat(HubPage.get(port, "/actuator/prometheus", "Authorization", "Bearer "
                + dev.adapthub.web.support.HubWebTest.ADMIN_TOKEN).body()).containsPattern(
                        "adapthub_git_clones_total\\{[^}]*\\} [1-9]");
    }

    @Test
    void theLikeButtonPostsWithCsrfAndShowsTheCount() throws Exception {
        Account owner = accounts.create("btn");
        Account fan = accounts.create("fan");
        Repo repo = model(owner, false);
        String page = "/" + repo.urlPath();

        assertThat(mvc.perform(get(page).with(user(accounts.principal(fan)))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"like-button\"").contains("0 likes");
        assertThat(mvc.perform(post(page + "/like").with(user(accounts.principal(fan)))).andReturn().getResponse()
                .getStatus()).as("without the CSRF token").isEqualTo(403);
        assertThat(mvc.perform(post(page + "/like").with(user(accounts.principal(fan))).with(csrf())).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo(page);

        assertThat(mvc.perform(get(page).with(user(accounts.principal(fan)))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"unlike-button\"").contains("1 likes");
        assertThat(mvc.perform(post(page + "/unlike").with(user(accounts.principal(fan))).with(csrf())).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo(page);
        assertThat(mvc.perform(get(page).with(user(accounts.principal(fan)))).andReturn().getResponse()
                .getContentAsString()).as("the page after taking the like back").contains("id=\"like-button\"")
                .contains("0 likes");
        Repo secret = model(owner, true);
        assertThat(mvc.perform(post("/" + secret.urlPath() + "/like").with(user(accounts.principal(fan))).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM repo_likes WHERE repository_id = ?", Long.class,
                secret.id())).isZero();
        assertThat(accounts.token(fan, TokenScope.READ)).isNotBlank();
    }
}
