package dev.adapthub.web.adaptation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.chips.validate.ValidationReport.Verdict;
import dev.adapthub.core.account.Account;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.adaptation.AdaptationValidation;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.web.support.SeededHubTest;
import dev.adapthub.web.support.TestAccounts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Validated downloads: exactly the validated file with its provenance headers, the bundle, and
 * every bad request answered with a clear 404 or 422, never a 500; private repositories stay hidden.
 */
@SeededHubTest
class AdaptationDownloadTest {

    static final String LLAMA = "/meta-llama/Llama-3.1-8B-Instruct/adaptations";
    static final String A100 = LLAMA + "/nvidia-a100-80g-sxm/nvidia-a100-80g-sxm-vllm.yaml";

    @Autowired MockMvc mvc;
    @Autowired AdaptationIndex index;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired TestAccounts accounts;

    /** The Llama A100 config's row, once the demo is indexed. */
    AdaptationValidation a100() {
        DemoAdaptations.awaitIndexed(index, repos);
        return index.find(DemoAdaptations.model(repos, "meta-llama/Llama-3.1-8B-Instruct"), "nvidia-a100-80g-sxm",
                "nvidia-a100-80g-sxm-vllm.yaml").orElseThrow();
    }

    MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void theYamlIsTheValidatedFileWithItsCommitEtagAndReportLink() throws Exception {
        AdaptationValidation row = a100();

        MockHttpServletResponse yaml = fetch(get(A100));
        MockHttpServletResponse again = fetch(get(A100).header("If-None-Match", yaml.getHeader("ETag")));
        MockHttpServletResponse pinned = fetch(get(A100).param("revision", row.commitId()).param("format", "vllm-yaml"));

        assertThat(yaml.getStatus()).isEqualTo(200);
        assertThat(yaml.getContentAsByteArray()).isEqualTo(AdaptationFixture.demoFile(
                "meta-llama/Llama-3.1-8B-Instruct/adaptations/nvidia-a100-80g-sxm-vllm.yaml"));
        assertThat(yaml.getHeader("X-Repo-Commit")).isEqualTo(row.commitId());
        assertThat(yaml.getHeader("ETag")).startsWith("\"" + row.blobId());
        assertThat(yaml.getHeader("Link")).isEqualTo("<" + A100 + "/report>; rel=\"describedby\"");
        assertThat(yaml.getHeader("Content-Disposition")).contains("attachment");
        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(pinned.getStatus()).isEqualTo(200);
        assertThat(pinned.getContentAsString()).contains("max-model-len: 32768");
    }

    @Test
    void theBundleHoldsConfigExportsReportAndProvenance() throws Exception {
        AdaptationValidation row = a100();

        MockHttpServletResponse bundle = fetch(get(A100 + "/bundle"));
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle.getContentAsByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        JsonNode provenance = new ObjectMapper().readTree(entries.get("provenance.json"));

        assertThat(bundle.getContentType()).isEqualTo("application/zip");
        assertThat(entries.keySet()).containsExactly("nvidia-a100-80g-sxm-vllm.yaml",
                "nvidia-a100-80g-sxm-vllm.vllm-args.txt", "nvidia-a100-80g-sxm-vllm.vllm.yaml", "RUN.md", "report.json",
                "provenance.json");
        assertThat(entries.get("nvidia-a100-80g-sxm-vllm.vllm-args.txt")).startsWith("HF_ENDPOINT=http://localhost"
                + " vllm serve meta-llama/Llama-3.1-8B-Instruct --revision " + row.commitId() + " ");
        assertThat(entries.get("nvidia-a100-80g-sxm-vllm.vllm.yaml")).contains("revision: " + row.commitId());
        assertThat(entries.get("RUN.md")).contains(row.commitId()).contains("HF_ENDPOINT=http://localhost vllm serve --config");
        assertThat(entries.get("report.json")).isEqualTo(row.reportJson());
        assertThat(provenance.path("repository").asText()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(provenance.path("commit").asText()).isEqualTo(row.commitId());
        assertThat(provenance.path("blobId").asText()).isEqualTo(row.blobId());
        assertThat(provenance.path("backend").path("id").asText()).isEqualTo(row.backendId());
        assertThat(provenance.path("backend").path("version").asText()).isEqualTo(row.backendVersion());
        assertThat(provenance.path("reportDigest").asText()).isEqualTo(row.reportDigest());
        assertThat(provenance.path("validatedAt").asText()).isNotBlank();
    }

    @Test
    void badInputIsA404Or422ThatSaysWhatToFixNeverA500() throws Exception {
        DemoAdaptations.awaitIndexed(index, repos);

        MockHttpServletResponse unknownChip = fetch(get(LLAMA + "/not-a-chip/nvidia-a100-80g-sxm-vllm.yaml"));
        MockHttpServletResponse unknownFile = fetch(get(LLAMA + "/nvidia-a100-80g-sxm/missing.yaml"));
        MockHttpServletResponse wrongChip = fetch(get(LLAMA + "/ascend-910b3/nvidia-a100-80g-sxm-vllm.yaml"));
        MockHttpServletResponse unknownFormat = fetch(get(A100).param("format", "tensorrt"));
        MockHttpServletResponse otherEngine = fetch(get(A100).param("format", "mindie"));
        MockHttpServletResponse hostileFormat = fetch(get(A100).param("format", "<script>alert(1)</script>"));
        MockHttpServletResponse badRevision = fetch(get(A100).param("revision", "no-such-branch"));
        MockHttpServletResponse traversal = fetch(get(LLAMA + "/nvidia-a100-80g-sxm/..%2F..%2Fconfig.json"));
        MockHttpServletResponse unknownRepo = fetch(get("/nobody/nothing/adaptations/nvidia-a100-80g-sxm/x.yaml"));
        MockHttpServletResponse reportOfUnknown = fetch(get(LLAMA + "/nvidia-a100-80g-sxm/missing.yaml/report"));

        assertThat(unknownChip.getStatus()).isEqualTo(404);
        assertThat(unknownChip.getContentAsString()).contains("No chip 'not-a-chip' in the catalog");
        assertThat(unknownFile.getStatus()).isEqualTo(404);
        assertThat(unknownFile.getContentAsString()).contains("No config 'missing.yaml' for nvidia-a100-80g-sxm");
        assertThat(wrongChip.getStatus()).isEqualTo(404);
        assertThat(unknownFormat.getStatus()).isEqualTo(422);
        assertThat(unknownFormat.getContentAsString()).contains("Unknown format 'tensorrt'").contains("yaml, vllm, vllm-yaml");
        assertThat(otherEngine.getStatus()).isEqualTo(422);
        assertThat(otherEngine.getContentAsString()).contains("'mindie' is not a form of vllm configs");
        assertThat(hostileFormat.getStatus()).isEqualTo(422);
        assertThat(hostileFormat.getContentType()).startsWith("text/plain");
        assertThat(badRevision.getStatus()).isEqualTo(404);
        assertThat(traversal.getStatus()).isIn(400, 404);
        assertThat(unknownRepo.getStatus()).isEqualTo(404);
        assertThat(reportOfUnknown.getStatus()).isEqualTo(404);
        assertThat(reportOfUnknown.getContentAsString()).contains("No config");
    }

    @Test
    void aConfigThatDidNotPassIsRefusedWithTheReasonAndItsPageSaysWhy() throws Exception {
        Account ada = accounts.create("refused");
        Repo repo = AdaptationFixture.model(repos, writes, ada, "Qwen2.5-7B-310p", false,
                "adaptations/ascend-310p-mindie.yaml", "Qwen/Qwen2.5-7B-Instruct/proposals/ascend-310p-mindie-bf16.yaml");
        AdaptationValidation row = AdaptationFixture.await(index, repo, "adaptations/ascend-310p-mindie.yaml", r -> true);
        String base = "/" + repo.urlPath() + "/adaptations";

        MockHttpServletResponse download = fetch(get(base + "/ascend-310p/ascend-310p-mindie.yaml").param("format", "mindie"));
        MockHttpServletResponse bundle = fetch(get(base + "/ascend-310p/ascend-310p-mindie.yaml/bundle"));
        MockHttpServletResponse list = fetch(get(base));
        MockHttpServletResponse report = fetch(get(base + "/ascend-310p/ascend-310p-mindie.yaml/report"));

        assertThat(row.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(download.getStatus()).isEqualTo(422);
        assertThat(download.getContentAsString()).contains("did not pass validation on ascend-310p")
                .contains("SUPPORT_DTYPE_UNSUPPORTED");
        assertThat(bundle.getStatus()).isEqualTo(422);
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains("Not offered as validated").contains("SUPPORT_DTYPE_UNSUPPORTED")
                .doesNotContain("ascend-310p-mindie.yaml?format=mindie");
        assertThat(report.getStatus()).isEqualTo(200);
        assertThat(report.getContentAsString()).contains("did not pass").contains("hint:");
    }

    @Test
    void aPrivateRepositorysConfigsAre404ToOutsidersAndNeverInTheMatrix() throws Exception {
        Account owner = accounts.create("secret");
        Account outsider = accounts.create("outsider");
        Repo repo = AdaptationFixture.model(repos, writes, owner, "secret-model", true,
                "adaptations/nvidia-rtx-3090-vllm.yaml", "Qwen/Qwen2.5-7B-Instruct/adaptations/nvidia-rtx-3090-vllm.yaml");
        AdaptationFixture.await(index, repo, "adaptations/nvidia-rtx-3090-vllm.yaml", r -> true);
        String file = "/" + repo.urlPath() + "/adaptations/nvidia-rtx-3090/nvidia-rtx-3090-vllm.yaml";

        assertThat(fetch(get(file)).getStatus()).isEqualTo(404);
        assertThat(fetch(get(file + "/report.json").with(user(accounts.principal(outsider)))).getStatus()).isEqualTo(404);
        assertThat(fetch(get("/" + repo.urlPath() + "/adaptations")).getStatus()).isEqualTo(404);
        assertThat(fetch(get(file).with(user(accounts.principal(owner)))).getStatus()).isEqualTo(200);
        assertThat(fetch(get("/api/matrix")).getContentAsString()).doesNotContain("secret-model");
        assertThat(fetch(get("/matrix")).getContentAsString()).doesNotContain("secret-model");
        assertThat(fetch(get("/chips/nvidia-rtx-3090")).getContentAsString()).doesNotContain("secret-model");
    }

    @Test
    void theReportJsonIsTheStoredReport() throws Exception {
        AdaptationValidation row = a100();

        MockHttpServletResponse json = fetch(get(A100 + "/report.json"));

        assertThat(json.getStatus()).isEqualTo(200);
        assertThat(json.getContentAsString()).isEqualTo(row.reportJson());
        assertThat(json.getHeader("X-Report-Digest")).isEqualTo(row.reportDigest());
    }
}
