package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.web.support.GitCli;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@code @huggingface/hub} npm package (installed into {@code target/hf-client} by the
 * set-up, kept between runs) against the running hub: createRepo, uploadFiles with a 12 MiB file
 * that goes through LFS and a small one, listFiles, downloadFile, byte for byte, and a binary file in
 * a dataset (LFS under the {@code datasets/} prefix). Needs node and
 * npm: in CI their absence fails the test, elsewhere it is skipped with the reason.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HuggingFaceJsClientTest {

    static final String CLIENT_VERSION = "2.17.5";
    private static final Path CLIENT_DIR = Path.of("target", "hf-client").toAbsolutePath();

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoFiles files;

    @BeforeAll
    void installClient() throws Exception {
        GitCli.requireOnPath("node");
        GitCli.requireOnPath("npm");
        Path installed = CLIENT_DIR.resolve("node_modules/@huggingface/hub/package.json");
        if (Files.exists(installed) && Files.readString(installed).contains("\"version\": \"" + CLIENT_VERSION + "\"")) {
            return;
        }
        Files.createDirectories(CLIENT_DIR);
        Files.writeString(CLIENT_DIR.resolve("package.json"), "{\"name\": \"adapthub-hf-client-test\", \"private\": true,"
                + " \"type\": \"module\", \"dependencies\": {\"@huggingface/hub\": \"" + CLIENT_VERSION + "\"}}\n");
        Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 300);
        assertThat(npm.exitCode()).as("npm install failed:\n" + npm.output()).isZero();
    }

    @Test
    void theJavaScriptClientUploadsListsAndDownloadsByteForByte() throws Exception {
        Account person = accounts.create("jsclient");
        String token = accounts.token(person, TokenScope.WRITE);
        try (InputStream script = getClass().getResourceAsStream("/hf-client/roundtrip.mjs")) {
            Files.write(CLIENT_DIR.resolve("roundtrip.mjs"), script.readAllBytes());
        }

        Result node = run(List.of("node", "roundtrip.mjs"), Map.of("HUB_URL", "http://localhost:" + port,
                "HF_TOKEN", token, "REPO_NAME", "from-js"), 180);

        assertThat(node.exitCode()).as(node.output()).isZero();
        String last = node.stdout().strip().lines().reduce((a, b) -> b).orElse("{}");
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = JsonMapper.builder().build().readValue(last, Map.class);
        System.out.printf("@huggingface/hub %s: uploadFiles (12 MiB through LFS + a small file) %s ms,"
                + " downloadFile (12 MiB) %s ms%n", CLIENT_VERSION, seen.get("uploadMs"), seen.get("downloadMs"));
        assertThat(seen).containsEntry("user", person.name()).containsEntry("bigIdentical", true)
                .containsEntry("smallIdentical", true).containsEntry("datasetIdentical", true);
        assertThat(seen.get("listed").toString()).contains("path=weights/big.bin", "lfs=" + seen.get("bigSha256"),
                "path=README.md", "size=" + (12 << 20));
        // The hub stored what the client said: a pointer file in Git, the object in LFS, at the commit it reported.
        var repo = repos.get(RepoKind.MODEL, person.name(), "from-js", person);
        var at = files.resolve(repo, "main").orElseThrow();
        assertThat(at.commitId().name()).isEqualTo(seen.get("commitOid"));
        TreeEntry big = files.entry(repo, at, "weights/big.bin").orElseThrow();
        assertThat(big.lfs()).isPresent();
        assertThat(big.lfs().get().oid().hex()).isEqualTo(seen.get("bigSha256"));
        var dataset = repos.get(RepoKind.DATASET, person.name(), "from-js-data", person);
        assertThat(files.entry(dataset, files.resolve(dataset, "main").orElseThrow(), "data/train.parquet")
                .orElseThrow().lfs()).isPresent();
    }

    private record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + "\n" + stderr;
        }
    }

    private static Result run(List<String> command, Map<String, String> env, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT_DIR.toFile());
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
