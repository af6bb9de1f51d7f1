package dev.adapthub.web.body;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.pull.PullRequestService;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.write.FileChange;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Gigabyte bodies, generated on the fly and sent chunked, to every POST, PUT and PATCH route the
 * handler mappings know (so a new route is covered without touching this test), plus the routes
 * served outside Spring MVC (sign-in, Git smart HTTP, LFS), each from an anonymous caller and from
 * a signed-in one (token and session), several at a time. The repository is named {@code commit},
 * so every repository route has {@code /commit/} in its path, as in the attack of issue 12.
 * <p>
 * What is measured: the heap in use right after a full collection ({@code System.gc()} every
 * half second while the flood runs), against the same measure before it. That is the memory the
 * requests hold, not garbage waiting to be collected; it is what ran out in the attack. And a page
 * must keep answering while the flood runs.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyFloodTest {

    static final long BODY_BYTES = 1L << 30;
    static final int CONCURRENCY = 8;
    /** Bodies are cut off at 64 MiB at most, and the largest ones go to disk: far below this. */
    static final long HEAP_GROWTH_BOUND = 256L << 20;

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z]+)(?::[^}]*)?}");
    private static final String SHA = "1".repeat(40);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired PullRequestService pulls;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private Account owner;
    private Repo repo;
    private String token;
    private String password;

    /** One route to flood: how to call it and what its body looks like. */
    record Target(String method, String path, String contentType, String prefix, String filler) {
    }

    @BeforeAll
    void signIn() throws Exception {
        owner = accounts.create("flood");
        token = accounts.token(owner, TokenScope.WRITE);
        repo = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "commit", false));
        writes.commit(repo, owner, "main", null, "First", List.of(FileChange.put("README.md", "# Flood\n")));
        password = "a long password";
    }

    /**
     * Signs in through the form, as a browser does, and returns the session cookie. One sign-in at a
     * time: attempts are counted before the password is checked, so parallel sign-ins of one account
     * would meet the login throttle (5 per account) before a success resets it.
     */
    private synchronized String sessionCookie(String user, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the sign-in page has a CSRF token").isTrue();
        HttpResponse<Void> signIn = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session(page))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password.replace(' ', '+')
                        + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.discarding());
        String cookie = session(signIn);
        HttpResponse<Void> settings = http.send(HttpRequest.newBuilder(url("/settings/tokens")).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(settings.statusCode()).as("signed in").isEqualTo(200);
        return cookie;
    }

    private static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).reduce((a, b) -> b)
                .orElseThrow();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Every route that takes a body: from the handler mappings, and those served by filters and servlets. */
    List<Target> targets() {
        Set<String> seen = new TreeSet<>();
        List<Target> targets = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
                for (RequestMethod method : List.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH)) {
                    if (methods.isEmpty() ? method != RequestMethod.POST : !methods.contains(method)) {
                        continue;
                    }
                    // One path per handler: the /datasets and /tools variants of a route run the same code.
                    String path = concrete(entry.getKey().getPatternValues().iterator().next());
                    if (seen.add(method + " " + entry.getValue())) {
                        targets.add(target(method.name(), path, takesFiles(entry.getValue())));
                    }
                }
            }
        }
        String git = "/" + owner.name() + "/commit.git";
        targets.add(target("POST", "/login", false));
        targets.add(target("POST", "/logout", false));
        targets.add(new Target("POST", git + "/git-upload-pack", "application/x-git-upload-pack-request", "",
                "0032have " + SHA + "\n"));
        targets.add(new Target("POST", git + "/git-receive-pack", "application/x-git-receive-pack-request", "", "A"));
        targets.add(new Target("POST", git + "/info/lfs/objects/batch", "application/vnd.git-lfs+json",
                "{\"operation\":\"download\",\"objects\":[{\"oid\":\"", "a"));
        targets.add(new Target("PUT", git + "/info/lfs/objects/" + "a".repeat(64), "application/octet-stream", "", "A"));
        return targets;
    }

    private String concrete(String pattern) {
        Matcher variable = VARIABLE.matcher(pattern.replace("/**", "/README.md"));
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = switch (variable.group(1)) {
                case "type", "kinds", "kind" -> "models";
                case "owner", "namespace", "user" -> owner.name();
                case "name", "repo" -> "commit";
                case "revision", "rev", "branch" -> "main";
                case "number", "n" -> "1";
                case "path", "filepath", "file" -> "README.md";
                default -> "x";
            };
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        assertThat(path.toString()).as(pattern).doesNotContain("{").doesNotContain("*");
        return path.toString();
    }

    private static boolean takesFiles(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).map(MethodParameter::getParameter)
                .anyMatch(p -> p.getParameterizedType().getTypeName().contains(MultipartFile.class.getName()));
    }

    private static Target target(String method, String path, boolean files) {
        if (path.startsWith("/api/")) {
            return path.matches("/api/[a-z]+/[^/]+/[^/]+/commit/[^/]+")
                    ? new Target(method, path, "application/x-ndjson", "{\"key\":\"header\",\"value\":{\"summary\":\"s\"}}\n"
                            + "{\"key\":\"file\",\"value\":{\"path\":\"f.bin\",\"encoding\":\"base64\",\"content\":\"", "QUFB")
                    : new Target(method, path, "application/json", "{\"title\":\"t\",\"name\":\"", "A");
        }
        if (files) {
            return new Target(method, path, "multipart/form-data; boundary=flood", "--flood\r\nContent-Disposition:"
                    + " form-data; name=\"files\"; filename=\"f.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n", "A");
        }
        return new Target(method, path, "application/x-www-form-urlencoded", "_csrf=x&content=", "A");
    }

    /** What one request got: a status, or the connection cut while the body was still being sent. */
    private String flood(Target target, boolean signedIn) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(target.path())).timeout(Duration.ofSeconds(120))
                .header("Content-Type", target.contentType())
                .method(target.method(), HttpRequest.BodyPublishers.ofInputStream(
                        EndlessBody.of(target.prefix(), target.filler(), BODY_BYTES)));
        if (signedIn) {
            request.header("Authorization", "Bearer " + token);
            if (!BodyLimits.isMachinePath(target.path())) {
                try {
                    request.header("Cookie", sessionCookie(owner.name(), password));
                } catch (Exception e) {
                    return "no session: " + e;
                }
            }
        }
        long start = System.nanoTime();
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() + " "
                    + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
        } catch (IOException cutOff) {
            return "cut off " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void gigabyteBodiesToEveryRouteLeaveTheHeapBoundedAndTheHubAnswering() throws Exception {
        List<Target> targets = targets();
        assertThat(targets).hasSizeGreaterThan(20);
        String tip = files.resolve(repo, "main").orElseThrow().commitId().name();
        long baseline = heapAfterGc();
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong(baseline);
        AtomicInteger probes = new AtomicInteger();
        List<String> probeFailures = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            while (flooding.get()) {
                peak.accumulateAndGet(heapAfterGc(), Math::max);
                sleep(500);
            }
        });
        sampler.start();
        Thread prober = new Thread(() -> {
            while (flooding.get()) {
                try {
                    HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/")).timeout(Duration.ofSeconds(30))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (page.statusCode() != 200) {
                        probeFailures.add("GET / -> " + page.statusCode());
                    }
                } catch (IOException | InterruptedException e) {
                    probeFailures.add("GET / -> " + e);
                }
                probes.incrementAndGet();
                sleep(250);
            }
        });
        prober.start();
        Map<String, String> answers = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Target target : targets) {
                for (boolean signedIn : List.of(false, true)) {
                    sent.add(pool.submit(() -> answers.put((signedIn ? "signed-in " : "anonymous ") + target.method()
                            + " " + target.path(), flood(target, signedIn))));
                }
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            flooding.set(false);
            sampler.join();
            prober.join();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        Map<String, String> sorted = new TreeMap<>(answers);
        System.out.printf("Body flood: %d requests of up to %d MiB over %d routes in %d s; heap after GC %d MiB"
                + " before, %d MiB at most during (growth %d MiB); %d page probes%n", answers.size(), BODY_BYTES >> 20,
                targets.size(), seconds, baseline >> 20, peak.get() >> 20, (peak.get() - baseline) >> 20, probes.get());
        sorted.forEach((request, answer) -> System.out.println("  " + answer + "  " + request));

        assertThat(peak.get() - baseline).as("heap growth after GC during the flood").isLessThan(HEAP_GROWTH_BOUND);
        assertThat(probeFailures).as("pages answer during the flood").isEmpty();
        assertThat(probes.get()).isPositive();
        assertThat(sorted).as("no request broke the hub").allSatisfy((request, answer) -> assertThat(answer).doesNotStartWith("500").doesNotStartWith("no session"));
        assertThat(files.resolve(repo, "main").orElseThrow().commitId().name()).as("nothing was committed").isEqualTo(tip);
        assertThat(pulls.list(repo, null, null, null)).as("no pull request was opened").isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
