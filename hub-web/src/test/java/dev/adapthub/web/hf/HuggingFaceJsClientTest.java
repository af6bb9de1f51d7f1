package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoFiles files;

    @BeforeAll
    void installClient() throws Exception {
        HfJsClient.install();
    }

    @Test
    void theJavaScriptClientUploadsListsAndDownloadsByteForByte() throws Exception {
        Account person = accounts.create("jsclient");
        String token = accounts.token(person, TokenScope.WRITE);

        HfJsClient.Result node = HfJsClient.script("roundtrip.mjs", Map.of("HUB_URL", "http://localhost:" + port,
                "HF_TOKEN", token, "REPO_NAME", "from-js"), 180);

        assertThat(node.exitCode()).as(node.output()).isZero();
        Map<String, Object> seen = node.lastJson();
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
}
