package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Fuzzes the NDJSON commit parser the way the endpoint drives it: arbitrary bytes spooled to
 * disk, then parsed. Each input either parses into a commit whose inline files can be read back
 * within their limit, or is refused with a 4xx naming the problem; nothing else may be thrown,
 * and the spool is gone afterwards. Plain {@code test} runs the seeds
 * (NdjsonCommitFuzzTestInputs/); {@code JAZZER_FUZZ=1} fuzzes.
 */
class NdjsonCommitFuzzTest {

    private static final Path SPOOLS = temporaryDirectory();

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("ndjson-fuzz");
        } catch (IOException e) {
            throw new IllegalStateException("no temporary directory for the fuzz spools", e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void ndjsonCommit(byte @NotNull [] body) throws IOException {
        try (CommitSpool spool = CommitSpool.receive(new ByteArrayInputStream(body), SPOOLS,
                NdjsonCommit.MAX_BODY_BYTES)) {
            NdjsonCommit commit = NdjsonCommit.parse(spool);
            assertThat(commit.operations()).isNotEmpty();
            for (NdjsonCommit.Operation operation : commit.operations()) {
                if (operation instanceof NdjsonCommit.InlineFile file) {
                    try (InputStream content = file.content().open()) {
                        assertThat(content.readAllBytes()).hasSize((int) file.content().size());
                    }
                    assertThat(file.content().size()).isLessThanOrEqualTo(NdjsonCommit.MAX_INLINE_FILE_BYTES);
                }
            }
        } catch (HfError refused) {
            assertThat(refused.status().is4xxClientError()).as(refused.getMessage()).isTrue();
        }
        try (Stream<Path> left = Files.list(SPOOLS)) {
            assertThat(left).as("spools are deleted").isEmpty();
        }
    }
}
