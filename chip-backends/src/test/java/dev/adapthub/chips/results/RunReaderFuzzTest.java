package dev.adapthub.chips.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.catalog.ChipCatalog;
import java.util.List;

/**
 * Run files come from anyone who can open a pull request. Whatever the bytes, reading and checking
 * them returns findings with a code, a path and a message; any exception, a slow input or an
 * exhausted heap is a finding of the fuzzer. Seeds: real tool output in {@code RunReaderFuzzTestInputs/}.
 */
class RunReaderFuzzTest {

    private static final RunExpectation EXPECTED = new RunExpectation(List.of("meta-llama/Llama-3.1-8B-Instruct"),
            "nvidia-rtx-3090", ChipCatalog.builtIn().find("nvidia-rtx-3090").orElseThrow(), 1, 1, 1, 1, "vllm", null,
            TestModels.load("llama-3.1-8b"), new MeasuredRun.Workload(1024, 256, 8, null));

    @FuzzTest(maxDuration = "30s")
    void runFile(byte @NotNull [] json) {
        RunReader.Read read = RunReader.read("a.results/r.json", json, json.length % 3 == 0 ? json : null);
        List<ResultFinding> findings = new java.util.ArrayList<>(read.findings());
        if (read.run() != null) {
            findings.addAll(RunCheck.check("a.results/r.json", read.run(), EXPECTED));
            Comparison.of(read.run().metrics(), new Predicted(1.0, 1.0, 1.0, 1.0, 1.0));
        } else {
            assertThat(findings).anyMatch(ResultFinding::isError);
        }
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.code()).startsWith("RESULT_");
            assertThat(f.path()).isNotBlank();
            assertThat(f.message()).isNotBlank();
        });
    }
}
