package dev.adapthub.web.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.audit.AuditEntry;
import dev.adapthub.core.audit.AuditFilter;
import dev.adapthub.core.audit.AuditLog;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.core.webhook.Delivery;
import dev.adapthub.core.webhook.NewWebhook;
import dev.adapthub.core.webhook.Signatures;
import dev.adapthub.core.webhook.WebhookService;
import dev.adapthub.web.support.TestAccounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same webhook and audit path on H2, the embedded default: migrations V15 (without the
 * PostgreSQL trigger) and V16 run, a push is delivered signed after a retry, and the push and the
 * hook are in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.demo.enabled=false", "hub.webhook.allowed-ranges=127.0.0.0/8",
                "hub.webhook.backoff-base=100ms", "db-scheduler.polling-interval=250ms"})
@Import(TestAccounts.class)
class WebhookH2Test {

    @RegisterExtension static final HookReceiver receiver = new HookReceiver();

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) throws IOException {
        String dir = Files.createTempDirectory("adapthub-hooks-h2").toString();
        registry.add("hub.data-dir", () -> dir);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:hooks" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired WebhookService hooks;
    @Autowired AuditLog audit;
    @Autowired JdbcTemplate jdbc;


    @Test
    void aPushIsDeliveredSignedAndAuditedOnH2() throws Exception {
        assertThat(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())).isEqualTo("H2");
        Account ada = accounts.create("h2hooks");
        String token = accounts.token(ada, TokenScope.WRITE);
        Repo repo = repos.create(ada, new NewRepo(RepoKind.MODEL, null, "on-h2", false));
        NewWebhook hook = hooks.create(ada, repo, receiver.url("/h2"), List.of("push"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/h2", "ping").size() == 1);
        receiver.failFirst("/h2", 1);

        String head = WebhookDeliveryTest.push(ada, token, repo, "h2", port);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/h2", "push").size() == 2);
        HookReceiver.Received push = receiver.at("/h2", "push").get(1);
        assertThat(push.header("X-Hub-Signature-256"))
                .isEqualTo(Signatures.sign(hook.secret(), push.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(push.body()).contains(head);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hooks.deliveries(ada, hook.webhook().id())
                .get(0).status() == Delivery.Status.DELIVERED);
        assertThat(audit.ofRepository(ada, repo, AuditFilter.none())).extracting(AuditEntry::kind)
                .contains("push.ref_created", "webhook.created", "repository.created");
    }
}
