package dev.adapthub.web.lfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.AdaptHubApplication;
import dev.adapthub.core.lfs.LfsStorageUnavailableException;
import dev.adapthub.core.testsupport.PostgresTestDatabase;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A bucket that does not answer at start stops the hub, with Spring Boot's short "APPLICATION
 * FAILED TO START" report naming the endpoint and bucket and what to check, not a wall of stack traces.
 */
@ExtendWith(OutputCaptureExtension.class)
class LfsS3StartupTest {

    @Test
    void anUnreachableBucketStopsTheHubWithAReportNamingEndpointAndBucket(CapturedOutput output) throws Exception {
        PostgresTestDatabase.Coordinates db = PostgresTestDatabase.get();
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort(); // closed again: nothing listens there
        }
        String endpoint = "http://127.0.0.1:" + deadPort;

        // As command-line arguments: they outrank application.yml, as the HUB_* environment variables do.
        String dataDir = Files.createTempDirectory("adapthub-s3-start").toString();
        assertThatThrownBy(() -> new SpringApplicationBuilder(AdaptHubApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(), "--hub.data-dir=" + dataDir,
                "--hub.demo.enabled=false", "--hub.lfs.s3.endpoint=" + endpoint, "--hub.lfs.s3.bucket=weights",
                "--hub.lfs.s3.access-key=k", "--hub.lfs.s3.secret-key=s"))
                .satisfies(e -> assertThat(causeOf(e).getMessage())
                        .contains("Git LFS storage bucket 'weights' at " + endpoint + " is not usable"));

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("bucket 'weights' at " + endpoint).contains("HUB_LFS_S3_ENDPOINT")
                .doesNotContain("\tat software.amazon");
    }

    private static LfsStorageUnavailableException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LfsStorageUnavailableException found) {
                return found;
            }
        }
        throw new AssertionError("no LfsStorageUnavailableException in " + e);
    }
}
