package dev.adapthub.core.adaptation;

import dev.adapthub.chips.validate.ValidationReport.Verdict;

/**
 * What one validation of a config file produced, as the index stores it.
 *
 * @param modelConfigPath the {@code config.json} it read when that is in the same repository, else null
 */
record Outcome(String commitId, String blobId, String chip, String engine, String quantization, String backendId,
        String backendVersion, int catalogVersion, String modelConfigPath, String modelConfigBlobId, String reportJson, String reportDigest,
        Verdict verdict, Double outputTokensPerSecond) {
}
