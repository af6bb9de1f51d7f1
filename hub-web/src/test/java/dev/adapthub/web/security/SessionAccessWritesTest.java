package dev.adapthub.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.account.Account;
import dev.adapthub.web.support.FormSession;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void aSessionFollowsItsStoredSignInWhenAnotherProcessChangesOrRemovesIt() throws Exception {
        Account first = accounts.create("keptctxa");
        Account second = accounts.create("keptctxb");
        HttpClient browser = FormSession.signIn(port, first.name(), "a long password");
        FormSession.signIn(port, second.name(), "a long password");
        assertThat(navUser(browser)).isEqualTo(first.name());
        assertThat(navUser(browser)).as("read again, from the value kept for the session").isEqualTo(first.name());

        // Another process signs the session in as someone else: it stores other bytes.
        int changed = jdbc.update("UPDATE spring_session_attributes SET attribute_bytes = (" + SIGN_IN_OF_PRINCIPAL
                + ") WHERE attribute_name = 'SPRING_SECURITY_CONTEXT' AND session_primary_id = ("
                + SESSION_OF_PRINCIPAL + ")", second.name(), first.name());
        assertThat(changed).isEqualTo(1);
        assertThat(navUser(browser)).isEqualTo(second.name());

        // Another process removes the sign-in: the next request is anonymous.
        jdbc.update("DELETE FROM spring_session_attributes WHERE attribute_name = 'SPRING_SECURITY_CONTEXT'"
                + " AND session_primary_id = (" + SESSION_OF_PRINCIPAL + ")", first.name());
        HttpResponse<String> page = get(browser, "/settings/tokens");
        assertThat(page.statusCode()).as("a page for the signed-in only").isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().contains("/login");
    }

    @Test
    void aSignedOutSessionStaysSignedOutEvenWithItsOldCookie() throws Exception {
        Account leaving = accounts.create("keptctxout");
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String form = get(browser, "/login").body();
        browser.send(HttpRequest.newBuilder(FormSession.url(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + leaving.name()
                        + "&password=a+long+password&_csrf=" + FormSession.encode(FormSession.csrf(form)))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(navUser(browser)).isEqualTo(leaving.name());
        assertThat(navUser(browser)).isEqualTo(leaving.name());
        String oldCookie = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();

        String page = get(browser, "/settings/tokens").body();
        HttpResponse<Void> signOut = browser.send(HttpRequest.newBuilder(FormSession.url(port, "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + FormSession.encode(FormSession.csrf(page)))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signOut.statusCode()).isEqualTo(302);

        HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                FormSession.url(port, "/settings/tokens")).header("Cookie", "JSESSIONID=" + oldCookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).as("the old session cookie after signing out").isEqualTo(302);
        assertThat(replay.headers().firstValue("Location")).get().asString().contains("/login");
    }

    private static final String SIGN_IN_OF_PRINCIPAL = "SELECT a.attribute_bytes FROM spring_session_attributes a"
            + " JOIN spring_session s ON a.session_primary_id = s.primary_id"
            + " WHERE s.principal_name = ? AND a.attribute_name = 'SPRING_SECURITY_CONTEXT'";
    private static final String SESSION_OF_PRINCIPAL = "SELECT primary_id FROM spring_session WHERE principal_name = ?";

    private String navUser(HttpClient browser) throws Exception {
        HttpResponse<String> page = get(browser, "/settings/tokens");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher user = Pattern.compile("id=\"nav-user\"[^>]*>([^<]+)<").matcher(page.body());
        assertThat(user.find()).as("the signed-in user in the navigation").isTrue();
        return user.group(1);
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
