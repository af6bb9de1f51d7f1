package dev.adapthub.web.support;

import dev.adapthub.core.testsupport.PostgresTestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The hub as a separate JVM ({@code dev.adapthub.AdaptHubApplication} on the test class path,
 * without the test classes), configured only through its documented environment variables, so a
 * test can kill it the hard way ({@code kill -9}) and start it again on the same database and
 * data directory. Its output goes to a log file that failures point at.
 */
public final class HubProcess {

    public static final String ADMIN = "admin";
    public static final String ADMIN_TOKEN = "crash-test-admin-token-0123456789abcdefghij";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PostgresTestDatabase.Coordinates database;
    private final Path dataDir;
    private final Path logDir;
    private final Map<String, String> extraEnv = new java.util.LinkedHashMap<>();
    private Process process;
    private Path log;
    private int port;
    private int starts;
    private String logPrefix = "hub-";
    private Duration startTimeout = START_TIMEOUT;

    public HubProcess(PostgresTestDatabase.Coordinates database, Path dataDir, Path logDir) {
        this.database = database;
        this.dataDir = dataDir;
        this.logDir = logDir;
    }

    /**
     * Sets an environment variable of the hub from its next {@link #start()} on (over the defaults
     * above), e.g. object storage or proxy settings a test needs.
     */
    public HubProcess withEnv(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** Starts the hub and waits until it answers its health check. */
    public void start() throws IOException, InterruptedException {
        start(Map.of());
    }

    /** Starts the hub with more environment variables (e.g. {@code HUB_BACKUP_DIR}) and waits until it is healthy. */
    public void start(Map<String, String> extraEnv) throws IOException, InterruptedException {
        start(extraEnv, startTimeout);
    }

    /**
     * As {@link #start(Map)}, waiting up to {@code timeout} for health: for tests that restart the hub
     * while their own load (writers retrying) shares the machine's cores with it.
     */
    public void start(Map<String, String> moreEnv, Duration timeout) throws IOException, InterruptedException {
        port = freePort();
        starts++;
        log = logDir.resolve(logPrefix + starts + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", hubClassPath(), "dev.adapthub.AdaptHubApplication"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("HUB_DB_URL", database.url());
        env.put("HUB_DB_USER", database.user());
        env.put("HUB_DB_PASSWORD", database.password());
        env.put("HUB_DATA_DIR", dataDir.toString());
        env.put("HUB_DEMO", "false");
        env.put("HUB_ADMIN_PASSWORD", "crash-test-admin-password");
        env.put("HUB_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("HUB_JOB_THREADS", "2");
        env.put("PORT", Integer.toString(port));
        env.putAll(extraEnv);
        env.putAll(moreEnv);
        process = builder.start();
        awaitHealthy(timeout);
    }

    /** What a hub subcommand ({@code backup}, {@code restore}) printed and how it ended. */
    public record CommandResult(int exitCode, String output) {
    }

    /**
     * Runs the hub's main class with {@code args} (a subcommand such as {@code backup --to DIR}) as a
     * separate JVM, configured like {@link #start()} for {@code database} and {@code dataDir}.
     */
    public static CommandResult command(PostgresTestDatabase.Coordinates database, Path dataDir, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", hubClassPath(), "dev.adapthub.AdaptHubApplication"));
        command.addAll(List.of(args));
        Path output = Files.createTempFile("adapthub-command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("HUB_DB_URL", database.url());
        builder.environment().put("HUB_DB_USER", database.user());
        builder.environment().put("HUB_DB_PASSWORD", database.password());
        builder.environment().put("HUB_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", args) + " did not finish in 120 s:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new CommandResult(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** {@code kill -9} of the hub and anything it started; returns when it is gone. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the hub process " + process.pid() + " survived kill -9");
        }
    }

    /** A gentle stop at the end of a test. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** How long {@link #start()} waits for the health check (150 s unless set), e.g. for hubs starting together. */
    public HubProcess withStartTimeout(Duration timeout) {
        startTimeout = timeout;
        return this;
    }

    /** Names this process's log files ({@code name-1.log}, …), for tests that run several hubs in one directory. */
    public HubProcess named(String name) {
        logPrefix = name + "-";
        return this;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A Git remote URL that carries the admin's token. */
    public String gitUrl(String repoPath) {
        return "http://" + ADMIN + ":" + ADMIN_TOKEN + "@127.0.0.1:" + port + "/" + repoPath + ".git";
    }

    private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + " while starting; log "
                        + log + ":\n" + tail());
            }
            try {
                if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the hub did not become healthy in " + timeout.toSeconds() + " s; log "
                + log + ":\n" + tail());
    }

    /** The last lines of the current log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The test JVM's class path (Surefire's, not its booter jar's) without the modules' test classes,
     * whose test applications the hub's component scan would otherwise pick up.
     */
    private static String hubClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("/target/test-classes") && !entry.endsWith("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
