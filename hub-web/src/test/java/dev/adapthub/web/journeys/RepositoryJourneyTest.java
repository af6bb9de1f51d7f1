package dev.adapthub.web.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubPage;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The repository journey in a real browser and the real git client: create a model repository,
 * push with git, see the README card, files, history and a diff, edit a file, download a file.
 */
@HubWebTest
class RepositoryJourneyTest {

    @RegisterExtension final Browser browser = new Browser();
    @LocalServerPort int port;
    @Autowired TestAccounts accounts;

    @Test
    void createPushBrowseEditAndDownload() throws Exception {
        String base = "http://localhost:" + port;
        Account ada = accounts.create("journey");
        String token = accounts.token(ada, TokenScope.WRITE);
        Page page = browser.open();

        page.navigate(base + "/login");
        page.fill("#username", ada.name());
        page.fill("#password", "a long password");
        page.click("button[type=submit]");
        page.click("#nav-new-repo");
        page.selectOption("#repo-type", "model");
        page.fill("#repo-name", "Qwen2.5-7B-ascend");
        page.click("#create-repo");
        assertThat(page.locator("#empty-repo")).isVisible();
        String cloneUrl = page.locator("#clone-url").textContent().strip();
        assertThat(cloneUrl).isEqualTo(base + "/" + ada.name() + "/Qwen2.5-7B-ascend.git");

        GitCli git = new GitCli();
        Path work = Files.createTempDirectory("journey");
        git.ok(work, "clone", "-q", cloneUrl.replace("http://", "http://" + ada.name() + ":" + token + "@"), "repo");
        Path repo = work.resolve("repo");
        Files.writeString(repo.resolve("README.md"), """
                ---
                license: apache-2.0
                chips: [ascend-910b3]
                engines: [vllm-ascend]
                ---
                # Qwen2.5-7B on Ascend 910B3
                """);
        Files.writeString(repo.resolve("config.json"), "{\"model_type\": \"qwen2\", \"hidden_size\": 3584}\n");
        git.ok(repo, "add", ".");
        git.ok(repo, "commit", "-q", "-m", "Add card and config");
        Files.writeString(repo.resolve("config.json"), "{\"model_type\": \"qwen2\", \"hidden_size\": 3584, \"num_hidden_layers\": 28}\n");
        git.ok(repo, "commit", "-q", "-am", "Add the layer count");
        git.ok(repo, "push", "-q", "origin", "main");

        page.reload();
        assertThat(page.locator("#card-badges")).containsText("chip: ascend-910b3");
        assertThat(page.locator("#readme")).containsText("Qwen2.5-7B on Ascend 910B3");
        assertThat(page.locator("#files")).containsText("config.json");
        browser.screenshot("repository-journey-card");

        page.click("#files >> text=config.json");
        assertThat(page.locator("#code")).containsText("num_hidden_layers");
        page.click("text=History");
        assertThat(page.locator("#commits")).containsText("Add the layer count");
        page.click("#commits >> text=Add the layer count");
        assertThat(page.locator("#commit")).containsText("Add the layer count");
        assertThat(page.locator("#diff-0")).containsText("num_hidden_layers");
        browser.screenshot("repository-journey-diff");

        page.navigate(base + "/" + ada.name() + "/Qwen2.5-7B-ascend/blob/main/README.md");
        page.click("#edit-link");
        page.fill("#edit-content", "# Qwen2.5-7B on Ascend 910B3\n\nEdited in the browser.\n");
        page.fill("#edit-message", "Edit the card in the browser");
        page.click("#commit-edit");
        assertThat(page.locator("#commits")).containsText("Edit the card in the browser");

        page.navigate(base + "/" + ada.name() + "/Qwen2.5-7B-ascend/blob/main/config.json");
        String rawHref = page.locator("#raw-link").getAttribute("href");
        HttpResponse<String> raw = HubPage.get(port, rawHref);
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body()).contains("\"num_hidden_layers\": 28");
        assertThat(raw.headers().firstValue("X-Repo-Commit")).isPresent();
        assertThat(raw.headers().firstValue("ETag")).isPresent();
    }
}
