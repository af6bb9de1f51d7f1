package dev.adapthub.core.lfs;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an unusable LFS bucket at start as Spring Boot's "APPLICATION FAILED TO START" block
 * (what is wrong, what to do) instead of a wall of stack traces.
 */
class LfsStorageFailureAnalyzer extends AbstractFailureAnalyzer<LfsStorageUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LfsStorageUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Check HUB_LFS_S3_ENDPOINT, HUB_LFS_S3_BUCKET, HUB_LFS_S3_REGION and the credentials"
                        + " (HUB_LFS_S3_ACCESS_KEY, HUB_LFS_S3_SECRET_KEY): the endpoint must answer and the bucket"
                        + " must exist and allow listing, reading and writing. Unset HUB_LFS_S3_BUCKET to keep LFS"
                        + " objects in files under HUB_DATA_DIR.", cause);
    }
}
