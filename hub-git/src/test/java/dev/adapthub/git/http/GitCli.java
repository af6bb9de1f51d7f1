package dev.adapthub.git.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the stock {@code git} client isolated from the machine's configuration: a temporary HOME,
 * no system config ({@code GIT_CONFIG_NOSYSTEM}), no terminal prompts. Credentials come from an
 * inline credential helper per call, never from a store.
 */
final class GitCli {
    record Result(int exitCode, String stdout, String stderr) {
        Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("git failed (" + exitCode + "):\n" + stderr + stdout);
            }
            return this;
        }
    }

    private final Path home;

    GitCli(Path home) throws IOException {
        this.home = Files.createDirectories(home);
    }

    static boolean lfsInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/git-lfs"));
    }

    /** Runs git with {@code user:password} offered by a credential helper (null: none). */
    Result run(Path dir, String credentials, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "credential.helper="));
        if (credentials != null) {
            String[] parts = credentials.split(":", 2);
            command.add("-c");
            command.add("credential.helper=!f() { echo username=" + parts[0] + "; echo password=" + parts[1] + "; }; f");
        }
        command.addAll(List.of("-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "init.defaultBranch=main", "-c", "protocol.version=2"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_ASKPASS", "/bin/false");
        env.remove("SSH_ASKPASS");
        Path out = Files.createTempFile(home, "git-out", ".txt");
        Path err = Files.createTempFile(home, "git-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("git timed out: " + command);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
