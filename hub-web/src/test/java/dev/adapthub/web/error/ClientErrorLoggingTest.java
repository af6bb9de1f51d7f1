package dev.adapthub.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refused request (4xx) of any kind, page, REST API, Hugging Face API, Git, download or
 * form, is logged exactly once, at INFO, with its request id and without a stack trace; nothing
 * logged while handling it is a warning or an error.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientErrorLoggingTest {

    /** Keeps each event's MDC as it was on the logging thread (Logback reads it lazily otherwise). */
    static final class Capture extends ListAppender<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @LocalServerPort int port;

    Repo repo;
    final Capture capture = new Capture();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    void aRepositoryWithAMainBranch() {
        Account owner = accounts.create("logs");
        repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "logged", false));
        writes.commit(repo, owner, "main", null, "files", List.of(FileChange.put("config.json", "{}\n")));
    }

    @BeforeEach
    void capture() {
        capture.start();
        root.addAppender(capture);
    }

    @AfterEach
    void release() {
        root.detachAppender(capture);
        capture.stop();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET|/{repo}/commits/main/config|text/html|",
            "GET|/{repo}/blob/main/missing.txt|text/html|",
            "GET|/nobody-at-all-here|text/html|",
            "GET|/{repo}/commits/main?page=zero|text/html|",
            "GET|/{repo}/resolve/main/config/nested.json|*/*|",
            "GET|/api/whoami-v2|application/json|",
            "DELETE|/api/whoami-v2|application/json|Bearer " + HubWebTest.ADMIN_TOKEN,
            "GET|/api/models/{repo}/tree/main/config|application/json|",
            "GET|/api/models/nobody-at-all/nothing|application/json|",
            "GET|/nobody-at-all/nothing.git/info/refs?service=git-upload-pack|*/*|",
            "GET|/actuator/metrics|application/json|",
            "GET|/assets/static/no-such-file.css|text/css|"})
    void aRefusedRequestIsOneInfoLineWithItsRequestIdAndNoStackTrace(String method, String path, String accept,
            String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + path.replace("{repo}", repo.urlPath())))
                .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }

        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("status").isBetween(400, 499);
        String id = response.headers().firstValue(RequestIdFilter.HEADER).orElseThrow();
        List<ILoggingEvent> ofRequest = capture.list.stream()
                .filter(e -> id.equals(e.getMDCPropertyMap().get("requestId")) || e.getFormattedMessage().contains(id))
                .toList();
        assertThat(ofRequest).as("nothing of this request is a warning or error")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
        assertThat(ofRequest).as("no stack trace").allMatch(e -> e.getThrowableProxy() == null);
        assertThat(ofRequest.stream().filter(e -> e.getLoggerName().equals(ClientErrorLog.class.getName())))
                .as("one line for the refusal").singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.INFO);
                    assertThat(e.getFormattedMessage()).startsWith(response.statusCode() + " " + method + " ")
                            .contains("[request " + id + "]");
                });
    }
}
