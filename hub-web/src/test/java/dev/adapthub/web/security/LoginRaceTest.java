package dev.adapthub.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.throttle.Throttle;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Guessing a password in parallel: 24 wrong passwords sent at once over real HTTP against one
 * account. Every attempt is counted before its password is checked, so at most 5 reach the check
 * (a redirect to {@code /login?error}); the others are 429 with {@code Retry-After}, and so is the
 * right password afterwards.
 */
@HubWebTest
class LoginRaceTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final int PARALLEL = 24;

    @Autowired TestAccounts accounts;
    @Autowired Throttle throttle;
    @LocalServerPort int port;

    @AfterEach
    void forgetThisAddress() {
        // Every test of the shared context signs in from this address.
        throttle.reset(LoginThrottle.PER_ADDRESS, "127.0.0.1");
        throttle.reset(LoginThrottle.PER_ADDRESS, "0:0:0:0:0:0:0:1");
    }

    /** A browser-like client: a session cookie and the sign-in form's CSRF token. */
    record Session(HttpClient client, String csrf) {
    }

    private Session openSignInPage() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(url("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        return new Session(client, csrf.group(1));
    }

    private HttpResponse<String> signIn(Session session, String name, String password) throws Exception {
        String form = "username=" + enc(name) + "&password=" + enc(password) + "&_csrf=" + enc(session.csrf());
        return session.client().send(HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void parallelWrongPasswordsReachThePasswordCheckAtMostFiveTimes() throws Exception {
        Account victim = accounts.create("race");
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            sessions.add(openSignInPage());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<HttpResponse<String>> answers;
        try {
            List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                Session session = sessions.get(i);
                String guess = "wrong guess number " + i;
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return signIn(session, victim.name(), guess);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            go.countDown();
            answers = attempts.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }

        // A password check ends in the failure redirect; a throttled attempt never gets there.
        long passwordChecks = answers.stream().filter(a -> a.statusCode() == 302
                && a.headers().firstValue("Location").orElse("").endsWith("/login?error")).count();
        List<HttpResponse<String>> throttled = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(passwordChecks).isEqualTo(LoginThrottle.PER_ACCOUNT.max());
        assertThat(throttled).hasSize(PARALLEL - LoginThrottle.PER_ACCOUNT.max());
        assertThat(throttled).allSatisfy(a -> {
            assertThat(Long.parseLong(a.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(a.body()).startsWith("Too many failed sign-ins. Try again in");
        });

        HttpResponse<String> rightPassword = signIn(openSignInPage(), victim.name(), "a long password");
        assertThat(rightPassword.statusCode()).isEqualTo(429);
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsCount() throws Exception {
        Account person = accounts.create("forgetful");
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT.max() - 1; i++) {
            assertThat(signIn(openSignInPage(), person.name(), "not my password " + i).statusCode()).isEqualTo(302);
        }

        HttpResponse<String> signedIn = signIn(openSignInPage(), person.name(), "a long password");

        assertThat(signedIn.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(throttle.attempts(LoginThrottle.PER_ACCOUNT, person.name().toLowerCase())).isZero();
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT.max(); i++) {
            assertThat(signIn(openSignInPage(), person.name(), "typo again " + i).statusCode()).isEqualTo(302);
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
