package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.web.support.GitCli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@code @huggingface/hub} npm package, installed once into {@code target/hf-client} (kept
 * between runs), and a way to run a script of {@code src/test/resources/hf-client} with it. Needs
 * node and npm: in CI their absence fails the test, elsewhere it is skipped with the reason.
 */
public final class HfJsClient {

    static final String VERSION = HuggingFaceJsClientTest.CLIENT_VERSION;
    private static final Path DIR = Path.of("target", "hf-client").toAbsolutePath();

    /** What a script printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {

        public String output() {
            return stdout + "\n" + stderr;
        }

        /** The last line of the output, parsed as the JSON object the scripts end with. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> lastJson() {
            String last = stdout.strip().lines().reduce((a, b) -> b).orElse("{}");
            return JsonMapper.builder().build().readValue(last, Map.class);
        }
    }

    private HfJsClient() {
    }

    /**
     * Installs the client once per build directory. Test JVMs run in parallel (Surefire forks), so
     * the install holds a file lock: the second JVM waits and then finds the client installed.
     */
    public static void install() throws Exception {
        GitCli.requireOnPath("node");
        GitCli.requireOnPath("npm");
        Files.createDirectories(DIR);
        try (FileChannel lock = FileChannel.open(DIR.resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lock.lock()) {
            Path installed = DIR.resolve("node_modules/@huggingface/hub/package.json");
            if (Files.exists(installed) && Files.readString(installed).contains("\"version\": \"" + VERSION + "\"")) {
                return;
            }
            Files.writeString(DIR.resolve("package.json"), "{\"name\": \"adapthub-hf-client-test\", \"private\": true,"
                    + " \"type\": \"module\", \"dependencies\": {\"@huggingface/hub\": \"" + VERSION + "\"}}\n");
            Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 300);
            assertThat(npm.exitCode()).as("npm install failed:\n" + npm.output()).isZero();
        }
    }

    /** Runs {@code hf-client/<script>} from the test resources with node and the given environment. */
    public static Result script(String script, Map<String, String> env, int seconds) throws Exception {
        // One copy per JVM: another fork may be rewriting its own copy of the same script right now.
        String copy = ProcessHandle.current().pid() + "-" + script;
        try (InputStream in = HfJsClient.class.getResourceAsStream("/hf-client/" + script)) {
            Files.write(DIR.resolve(copy), in.readAllBytes());
        }
        return run(List.of("node", copy), env, seconds);
    }

    private static Result run(List<String> command, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile());
        builder.environment().putAll(env);
        Path out = Files.createTempFile("hf-client", ".out");
        Path err = Files.createTempFile("hf-client", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
