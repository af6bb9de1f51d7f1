package dev.adapthub.web.webhook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.core.webhook.Signatures;
import dev.adapthub.web.support.Browser;
import dev.adapthub.web.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A maintainer's webhook journey in Chromium: add two webhooks on the repository's settings, copy
 * the secret shown once, push with git; one receiver gets the push signed with that secret, the
 * other fails twice and is retried until it answers, and the hook's delivery log shows every
 * attempt. The audit tab then shows the push and the new hooks.
 */
@HooksTest
class WebhookJourneyTest {

    @RegisterExtension final Browser browser = new Browser();
    @RegisterExtension static final HookReceiver receiver = new HookReceiver();

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;


    @Test
    void aMaintainerAddsWebhooksAndSeesEveryDeliveryAttempt() throws Exception {
        String base = "http://localhost:" + port;
        Account ada = accounts.create("maint");
        String token = accounts.token(ada, TokenScope.WRITE);
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "Qwen2.5-7B-hooks", false));
        Page page = browser.open();
        page.navigate(base + "/login");
        page.fill("#username", ada.name());
        page.fill("#password", "a long password");
        page.click("button[type=submit]");

        page.navigate(base + "/" + repo.urlPath() + "/settings");
        page.click("#tab-hooks");
        assertThat(page.locator("#no-hooks")).isVisible();
        page.fill("#hook-url", receiver.url("/ci"));
        page.click("#create-hook");
        String secret = page.locator("#hook-secret").textContent().strip();
        assertThat(secret).startsWith("whsec_");
        page.fill("#hook-url", receiver.url("/flaky"));
        page.uncheck("#event-adaptation");
        page.click("#create-hook");
        assertThat(page.locator("#hooks tbody tr")).hasCount(2);
        page.reload();
        assertThat(page.locator("#hook-secret")).hasCount(0);
        browser.screenshot("webhook-journey-list");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/flaky", "ping").size() == 1);
        receiver.failFirst("/flaky", 2);

        String head = WebhookDeliveryTest.push(ada, token, repo, "config", port);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/ci", "push").size() == 1);
        HookReceiver.Received push = receiver.at("/ci", "push").get(0);
        assertThat(push.header("X-Hub-Signature-256"))
                .isEqualTo(Signatures.sign(secret, push.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(JsonMapper.builder().build().readTree(push.body()).get("after").asString()).isEqualTo(head);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/flaky", "push").size() == 3);

        page.click("text=" + receiver.url("/flaky"));
        Locator delivery = page.locator("section.delivery[data-event=push]");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.reload();
            return "DELIVERED".equals(delivery.getAttribute("data-status"));
        });
        assertThat(delivery.locator("tr.attempt")).hasCount(3);
        assertThat(delivery.locator("tr.attempt .code")).containsText(new String[] {"503", "503", "200"});
        assertThat(delivery).containsText("X-Hub-Signature-256: sha256=");
        browser.screenshot("webhook-journey-deliveries");
        int before = receiver.at("/flaky", "push").size();
        delivery.locator("button.redeliver").click();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/flaky", "push").size() == before + 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            page.reload();
            return page.locator("section.delivery[data-event=push] tr.attempt").count() == 4;
        });

        page.navigate(base + "/" + repo.urlPath() + "/settings/audit");
        assertThat(page.locator("#audit-entries")).containsText("push.ref_created");
        assertThat(page.locator("#audit-entries")).containsText("webhook.created");
        assertThat(page.locator("#audit-entries")).containsText("webhook.redelivered");
        browser.screenshot("webhook-journey-audit");
    }
}
