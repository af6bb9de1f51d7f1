package dev.adapthub.web.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: S3Proxy 2.6.0 with its filesystem backend, started as a child
 * process from the standalone jar that Maven copies to {@code target/s3proxy/s3proxy.jar}
 * (hub-web's pom; else it is looked up in the local Maven repository). It signs with AWS v2 or v4
 * and answers on 127.0.0.1 at a free port. One per test class: start it in a static field, hand
 * its settings to the hub with {@code @DynamicPropertySource} ({@link #hubProperties}), close it
 * after the class.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "adapthub-test-access";
    public static final String SECRET_KEY = "adapthub-test-secret-key";
    private static final String JAR = "s3proxy-2.6.0-jar-with-dependencies.jar";

    private final Process process;
    private final int port;
    private final Path baseDir;
    private final Path log;

    private S3ProxyServer(Process process, int port, Path baseDir, Path log) {
        this.process = process;
        this.port = port;
        this.baseDir = baseDir;
        this.log = log;
    }

    /** Starts S3Proxy with these (empty) buckets and waits until it answers (at most 180 s). */
    public static S3ProxyServer start(String... buckets) {
        try {
            Path dir = Files.createTempDirectory("adapthub-s3proxy");
            Path data = Files.createDirectories(dir.resolve("data"));
            for (String bucket : buckets) {
                // The filesystem backend keeps a bucket as a directory: this is creating it.
                Files.createDirectories(data.resolve(bucket));
            }
            int port = freePort();
            Path properties = dir.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data,
                    "") );
            Path log = dir.resolve("s3proxy.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar().toString(),
                    "--properties", properties.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            S3ProxyServer server = new S3ProxyServer(process, port, data, log);
            server.awaitListening(Duration.ofSeconds(180)); // generous: a loaded CI machine starts it slowly
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Proxy", e);
        }
    }

    private static Path jar() {
        Path copied = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (Files.isRegularFile(copied)) {
            return copied;
        }
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy", "2.6.0", JAR);
        if (Files.isRegularFile(m2)) {
            return m2;
        }
        throw new IllegalStateException("S3Proxy's jar is neither at " + copied + " nor at " + m2
                + ": run the tests through Maven (hub-web's pom copies it in process-test-classes)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ":\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while S3Proxy started", e);
                }
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen on port " + port + " within " + limit + ":\n"
                + logTail());
    }

    /** The last lines S3Proxy printed, for failure messages. */
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * The same server under another name ({@code localhost}), as clients outside a hub's network reach
     * an object store by another address than the hub does ({@code hub.lfs.s3.public-endpoint}).
     */
    public String publicEndpoint() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the filesystem backend keeps {@code key} of {@code bucket} (a plain file). */
    public Path file(String bucket, String key) {
        return baseDir.resolve(bucket).resolve(key);
    }

    /** The hub's settings for LFS objects in {@code bucket} of this server. */
    public Map<String, String> hubProperties(String bucket) {
        return Map.of("hub.lfs.s3.endpoint", endpoint(), "hub.lfs.s3.bucket", bucket,
                "hub.lfs.s3.region", "us-east-1", "hub.lfs.s3.access-key", ACCESS_KEY,
                "hub.lfs.s3.secret-key", SECRET_KEY, "hub.lfs.s3.path-style", "true");
    }

    /** An S3 client of this server, for looking at what the hub stored; close it. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY,
                        SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
