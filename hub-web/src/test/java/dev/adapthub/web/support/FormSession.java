package dev.adapthub.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session against the running hub: signed in through the login form, cookies kept. */
public final class FormSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private FormSession() {
    }

    /** Signs {@code user} in with the login form (its CSRF token included) and returns the client holding the session. */
    public static HttpClient signIn(int port, String user, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = browser.send(HttpRequest.newBuilder(url(port, "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf(form));
        browser.send(HttpRequest.newBuilder(url(port, "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        return browser;
    }

    /** The first CSRF token in a page's forms. */
    public static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    public static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
