package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.repo.content.RepoFiles;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.read.TreeEntry;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real {@code @huggingface/hub} client ({@value HuggingFaceJsClientTest#CLIENT_VERSION}) on the
 * calls around files, refs, history, listings and model metadata: {@code repoExists} (array-style
 * {@code expand[]}), {@code fileExists} and raw downloads ({@code /raw/}), {@code fileDownloadInfo},
 * {@code parseSafetensorsMetadata} over an LFS-stored file, {@code modelInfo} with derived fields,
 * {@code listCommits}/{@code countCommits}, {@code createBranch}/{@code deleteBranch},
 * {@code listModels} with filters, and {@code uploadFiles} deciding LFS through the repository's
 * {@code .gitattributes}. Needs node and npm (in CI their absence fails).
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HuggingFaceJsFilesClientTest {

    @LocalServerPort int port;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepoFiles files;
    @Autowired LfsStores lfs;

    @BeforeAll
    void installClient() throws Exception {
        HfJsClient.install();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJavaScriptClientReadsFilesRefsHistoryListingsAndMetadata() throws Exception {
        Account owner = accounts.create("jsfiles");
        HfModelFiles model = new HfModelFiles(owner, "files-js", repos, writes, lfs);
        String token = accounts.token(owner, TokenScope.WRITE);

        HfJsClient.Result node = HfJsClient.script("files.mjs", Map.of("HUB_URL", "http://localhost:" + port,
                "HF_TOKEN", token, "REPO", model.repo.fullName(), "OWNER", owner.name()), 180);
        assertThat(node.exitCode()).as(node.output()).isZero();
        Map<String, Object> seen = node.lastJson();

        assertThat(seen).containsEntry("repoExists", true).containsEntry("missingRepoExists", false)
                .containsEntry("configExists", true).containsEntry("missingExists", false)
                .containsEntry("rawPointer", model.pointer).containsEntry("missingInfo", null);
        assertThat((Map<String, Object>) seen.get("downloadInfo"))
                .containsEntry("size", HfModelFiles.SAFETENSORS.length)
                .containsEntry("etag", "\"" + model.weightsSha256 + "\"");
        assertThat((Map<String, Object>) seen.get("safetensors")).containsEntry("sharded", false)
                .containsEntry("parameterCount", Map.of("BF16", 6, "F32", 4));

        Map<String, Object> info = (Map<String, Object>) seen.get("modelInfo");
        assertThat(info).containsEntry("name", model.repo.fullName()).containsEntry("task", "text-generation")
                .containsEntry("library_name", "transformers")
                .containsEntry("config", Map.of("architectures", List.of("LlamaForCausalLM"), "model_type", "llama"))
                .containsEntry("safetensors", Map.of("parameters", Map.of("BF16", 6, "F32", 4), "total", 10))
                .containsEntry("gguf", Map.of("total", 32, "architecture", "llama", "context_length", 4096))
                .containsEntry("cardData", Map.of("license", "apache-2.0", "pipeline_tag", "text-generation",
                        "library_name", "transformers", "tags", List.of("npu"), "datasets", List.of("wikitext")));
        assertThat((List<String>) info.get("filePaths")).contains("model.safetensors", "model.gguf", "config.json");

        assertThat(seen.get("commitTitles")).isEqualTo(List.of("GGUF", "Weights", "Card and config"));
        assertThat(seen).containsEntry("commitCount", 3).containsEntry("branchCommits", 3)
                .containsEntry("duplicateBranch", 409).containsEntry("deleteMain", 403);
        assertThat(files.branches(model.repo)).extracting(b -> b.name()).contains("scratch").doesNotContain(
                "ascend/tuning");

        List<Map<String, Object>> listed = (List<Map<String, Object>>) seen.get("listed");
        assertThat(listed).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("name", model.repo.fullName()).containsEntry("task", "text-generation")
                    .containsEntry("safetensors", Map.of("parameters", Map.of("BF16", 6, "F32", 4), "total", 10));
            assertThat((List<String>) m.get("filePaths")).contains("model.safetensors");
        });
        assertThat((List<String>) seen.get("listedMit")).isEmpty();

        var at = files.resolve(model.repo, "main").orElseThrow();
        assertThat(at.commitId().name()).isEqualTo(seen.get("uploadCommit"));
        TreeEntry npy = files.entry(model.repo, at, "data/table.npy").orElseThrow();
        assertThat(npy.lfs()).as("*.npy is LFS by .gitattributes, though small and text").isPresent();
    }
}
