package dev.adapthub.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.account.Account;
import dev.adapthub.web.support.FormSession;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

/**
 * Signed-in reads leave the stored session alone until its last access is a minute old, while
 * everything put into the session is still stored on the request that puts it (the sessions live
 * in PostgreSQL and are read back on every request, so the next request sees only what was saved).
 */
@HubWebTest
class SessionAccessWritesTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void readsWriteTheLastAccessOncePerIntervalAndSessionChangesAtOnce() throws Exception {
        Account reader = accounts.create("sessreader");
        HttpClient browser = FormSession.signIn(port, reader.name(), "a long password");
        long signedIn = lastAccess(reader);

        for (int i = 0; i < 3; i++) {
            Thread.sleep(15);
            HttpResponse<String> page = get(browser, "/settings/tokens");
            assertThat(page.statusCode()).as("still signed in").isEqualTo(200);
        }
        assertThat(lastAccess(reader)).as("reads within a minute of the last write leave the row alone")
                .isEqualTo(signedIn);

        // Something put into the session is stored on that request: the new token's secret,
        // shown once on the next page, which reads the session back from the database.
        HttpResponse<String> form = get(browser, "/settings/tokens");
        HttpResponse<String> created = browser.send(HttpRequest.newBuilder(FormSession.url(port, "/settings/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=session-test&scope=read&expiresInDays=&_csrf="
                        + FormSession.encode(FormSession.csrf(form.body())))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(get(browser, "/settings/tokens").body()).contains("id=\"token-secret\"");

        // Two minutes later (the stored times moved back instead of waiting), a read writes the time again.
        jdbc.update("UPDATE spring_session SET last_access_time = last_access_time - 120000,"
                + " expiry_time = expiry_time - 120000 WHERE principal_name = ?", reader.name());
        long aged = lastAccess(reader);
        long before = System.currentTimeMillis();
        assertThat(get(browser, "/settings/tokens").statusCode()).isEqualTo(200);
        assertThat(lastAccess(reader)).as("a read two minutes after the last write stores its time")
                .isGreaterThan(aged).isGreaterThanOrEqualTo(before);
    }

    @Test
    void aNegativeIntervalStopsTheHubSayingWhatToGive() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(SessionAccessConfiguration.INTERVAL, "-5s");
        assertThatThrownBy(() -> SessionAccessConfiguration.sessionAccessWrites(environment))
                .hasMessageContaining("must be 0 (write every access) or a duration such as 60s");
    }

    private long lastAccess(Account account) {
        return jdbc.queryForObject("SELECT last_access_time FROM spring_session WHERE principal_name = ?",
                Long.class, account.name());
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(FormSession.url(port, path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
