package dev.adapthub.web.adaptation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.validate.ValidationReport.Verdict;
import dev.adapthub.core.adaptation.AdaptationIndex;
import dev.adapthub.core.adaptation.AdaptationMatrix;
import dev.adapthub.core.adaptation.AdaptationValidation;
import dev.adapthub.core.adaptation.MatrixFilter;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.web.support.SeededHubTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** After seeding, every demo inference config is in the index with the verdict the validator gives it. */
@SeededHubTest
class AdaptationIndexTest {

    @Autowired AdaptationIndex index;
    @Autowired AdaptationMatrix matrix;
    @Autowired RepoService repos;

    @Test
    void everyDemoConfigIsIndexedWithItsExpectedVerdict() throws Exception {
        List<AdaptationValidation> rows = DemoAdaptations.awaitIndexed(index, repos);

        Map<Verdict, Long> verdicts = rows.stream().collect(Collectors.groupingBy(AdaptationValidation::verdict,
                Collectors.counting()));
        assertThat(rows).hasSize(20);
        assertThat(verdicts).containsEntry(Verdict.PASS, 19L).containsEntry(Verdict.WARN, 1L)
                .doesNotContainKey(Verdict.FAIL);
        assertThat(rows).filteredOn(r -> r.verdict() == Verdict.WARN).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("adaptations/nvidia-rtx-4090-vllm.yaml"));
        for (AdaptationValidation row : rows) {
            assertThat(row.path()).startsWith("adaptations/");
            assertThat(row.chip()).isNotBlank();
            assertThat(row.path()).contains(row.chip());
            assertThat(row.backendId()).startsWith("sim-");
            assertThat(row.backendVersion()).isNotBlank();
            assertThat(row.catalogVersion()).isPositive();
            assertThat(row.modelConfigPath()).isEqualTo("config.json");
            assertThat(row.modelConfigBlobId()).hasSize(40);
            assertThat(row.outputTokensPerSecond()).isPositive();
            assertThat(row.reportDigest()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(row.reportJson().getBytes(StandardCharsets.UTF_8))));
            assertThat(index.isStale(row)).isFalse();
        }
    }

    @Test
    void theMatrixHasEveryDemoModelAndItsFilters() {
        DemoAdaptations.awaitIndexed(index, repos);

        var all = matrix.matrix(MatrixFilter.NONE);
        var npu = matrix.matrix(new MatrixFilter("npu", null, null, null, 0));
        var w8a8 = matrix.matrix(new MatrixFilter(null, null, null, "w8a8", 0));
        var fast = matrix.matrix(new MatrixFilter(null, null, null, null, 1e9));

        assertThat(all.models()).contains("meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-72B-Instruct",
                "deepseek-ai/DeepSeek-V2-Lite-Chat");
        assertThat(all.chips()).extracting(c -> c.family().name()).contains("NPU", "GPGPU", "CPU");
        assertThat(npu.chips()).isNotEmpty().allSatisfy(c -> assertThat(c.family().name()).isEqualTo("NPU"));
        assertThat(w8a8.cell("Qwen/Qwen2.5-72B-Instruct", "ascend-910b4").engine()).isEqualTo("mindie");
        assertThat(fast.models()).isEmpty();
    }
}
