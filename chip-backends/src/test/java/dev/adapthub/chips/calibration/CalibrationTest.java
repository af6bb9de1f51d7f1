package dev.adapthub.chips.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.adapthub.chips.catalog.ChipFamily;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the public calibration set (docs/calibration.md) and guards against regressions: no
 * metric's median or p90 error may get worse than the checked-in baseline
 * ({@code calibration/summary.json}), and no verdict may turn wrong. A model change that makes
 * errors smaller must refresh the baseline too (so the hub never shows stale, too-pessimistic
 * figures): {@code java -jar chip-backends/target/*-cli.jar calibrate --write
 * chip-backends/src/main/resources/dev/adapthub/chips/calibration/summary.json}.
 */
class CalibrationTest {

    /** Rounding slack: the summary stores 4 decimals. */
    private static final double SLACK = 0.0005;
    private static CalibrationRun run;

    @BeforeAll
    static void runSet() {
        run = Calibration.run();
    }

    @Test
    void everyCaseIsPredictedAndSourced() {
        for (CaseResult r : run.results()) {
            assertThat(r.problem()).as(r.c().id()).isNull();
            assertThat(r.c().sourceUrl()).as(r.c().id()).startsWith("https://");
            assertThat(r.family()).as(r.c().id() + " names a catalog chip").isNotNull();
        }
        assertThat(run.results()).extracting(r -> r.c().id()).doesNotHaveDuplicates();
    }

    @Test
    void everyVerdictIsRight() {
        int[] v = run.verdicts(CalibrationRun.Scope.ALL, null);
        assertThat(v[1]).as("cases with a stated verdict").isGreaterThanOrEqualTo(5);
        List<String> wrong = run.results().stream().filter(r -> r.verdictRight().orElse(true) == Boolean.FALSE)
                .map(r -> r.c().id()).toList();
        assertThat(wrong).as("fits/does-not-fit verdicts predicted wrong").isEmpty();
    }

    @Test
    void noMetricGetsWorseThanTheBaseline() throws Exception {
        JsonNode baseline = new ObjectMapper().readTree(CalibrationSet.read(Calibration.SUMMARY));
        JsonNode current = new ObjectMapper().readTree(Calibration.summaryJson(run));
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        for (Metric m : Metric.values()) {
            for (CalibrationRun.Scope s : CalibrationRun.Scope.values()) {
                compare(m.key() + " " + s, baseline.path("metrics").path(m.key()).path(s.name()),
                        current.path("metrics").path(m.key()).path(s.name()), worse, better);
            }
            for (ChipFamily f : ChipFamily.values()) {
                compare(m.key() + " " + f, baseline.path("families").path(f.name()).path(m.key()),
                        current.path("families").path(f.name()).path(m.key()), worse, better);
            }
        }
        assertThat(current.path("verdicts").path("ALL").path("right").asInt())
                .as("right verdicts").isGreaterThanOrEqualTo(baseline.path("verdicts").path("ALL").path("right").asInt());
        assertThat(worse).as("errors worse than calibration/summary.json").isEmpty();
        assertThat(better).as("errors better than calibration/summary.json: refresh it with 'chips calibrate --write'")
                .isEmpty();
    }

    @Test
    void theHubReadsTheExpectedErrorPerFamily() {
        ExpectedError gpu = Calibration.expectedError(ChipFamily.GPGPU).orElseThrow();
        assertThat(gpu.kvTokensMedian()).isBetween(0.0, 1.0);
        assertThat(gpu.decodeMedian()).isNotNull();
        assertThat(gpu.verdictsStated()).isPositive();
        ExpectedError npu = Calibration.expectedError(ChipFamily.NPU).orElseThrow();
        assertThat(npu.kvTokensMedian()).as("no NPU KV case in the set yet: unknown, not zero").isNull();
        String fresh = Calibration.summaryJson(run);
        assertThat(Calibration.readExpected(fresh).get(ChipFamily.GPGPU).cases()).isEqualTo(gpu.cases());
    }

    @Test
    void summaryIsStableText() {
        assertThat(Calibration.summaryJson(run)).isEqualTo(Calibration.summaryJson(run));
        assertThat(Calibration.report(run)).contains("kvTokens").contains("holdout").contains("verdict");
        assertThat(new String(CalibrationSet.read(Calibration.SUMMARY), StandardCharsets.UTF_8))
                .contains("\"families\"");
    }

    private static void compare(String what, JsonNode base, JsonNode now, List<String> worse, List<String> better) {
        if (base.path("cases").asInt() != now.path("cases").asInt()) {
            worse.add(what + ": " + now.path("cases").asInt() + " cases, baseline " + base.path("cases").asInt());
            return;
        }
        for (String field : List.of("median", "p90")) {
            if (!base.has(field)) {
                continue;
            }
            double b = base.path(field).asDouble();
            double n = now.path(field).asDouble();
            if (n > b + SLACK) {
                worse.add(what + " " + field + " " + n + " > baseline " + b);
            } else if (n < b - SLACK) {
                better.add(what + " " + field + " " + n + " < baseline " + b);
            }
        }
    }
}
