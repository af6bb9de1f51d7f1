package dev.adapthub.web.support;

import dev.adapthub.core.testsupport.TestRequirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stock {@code git} client, isolated from the machine's configuration (own HOME, no system
 * config, never prompting), for tests against the running hub.
 */
public final class GitCli {

    /** What a git command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {

        public boolean ok() {
            return exitCode == 0;
        }

        public String output() {
            return stdout + stderr;
        }
    }

    private final Path home;

    public GitCli() throws IOException {
        requireOnPath("git");
        home = Files.createTempDirectory("adapthub-git-home");
        Files.writeString(home.resolve(".gitconfig"), """
                [user]
                    name = Test Person
                    email = test@example.org
                [init]
                    defaultBranch = main
                [advice]
                    detachedHead = false
                """);
    }

    /** Skips, or in CI fails, when a client is missing. */
    public static void requireOnPath(String tool) {
        boolean found = List.of(System.getenv("PATH").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            String why = tool + " is not installed (apt-get install -y " + tool + "; .ci/run does it).";
            TestRequirements.unavailable(why);
        }
    }

    public Path home() {
        return home;
    }

    public Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_ASKPASS", "/bin/false");
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("git " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs and requires success, with git's output in the failure message. */
    public Result ok(Path dir, String... args) throws IOException, InterruptedException {
        Result result = run(dir, args);
        if (!result.ok()) {
            throw new AssertionError("git " + String.join(" ", args) + " failed (" + result.exitCode() + "):\n"
                    + result.output());
        }
        return result;
    }
}
