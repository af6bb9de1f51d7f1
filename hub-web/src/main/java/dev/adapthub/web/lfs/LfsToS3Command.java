package dev.adapthub.web.lfs;

import dev.adapthub.AdaptHubApplication;
import dev.adapthub.core.lfs.LfsToS3Migration;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar adapthub.jar lfs-to-s3}: copies the file-based LFS store into the bucket the
 * {@code HUB_LFS_S3_*} settings name and checks every object ({@link LfsToS3Migration}), with the
 * same database and data directory settings as the hub. Run it with the hub stopped (or before
 * switching it to the bucket); it is safe to run again. Exit status 0 when every object was copied
 * and checked, 1 when some failed, 2 when no bucket is configured or it cannot be used.
 */
public final class LfsToS3Command {

    public static final String NAME = "lfs-to-s3";

    private LfsToS3Command() {
    }

    public static int run(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(AdaptHubApplication.class).web(WebApplicationType.NONE)
                    // Only the stores and the database: no demo seeding, no background jobs.
                    .properties("hub.demo.enabled=false", "db-scheduler.enabled=false",
                            "spring.main.banner-mode=off")
                    .run(args);
        } catch (RuntimeException e) {
            // Spring Boot has reported why (an unusable bucket: LfsStorageFailureAnalyzer's short report).
            return 2;
        }
        try (context) {
            LfsToS3Migration migration;
            try {
                migration = context.getBean(LfsToS3Migration.class);
            } catch (NoSuchBeanDefinitionException e) {
                System.err.println("No bucket is configured: set HUB_LFS_S3_BUCKET (and HUB_LFS_S3_ENDPOINT,"
                        + " HUB_LFS_S3_ACCESS_KEY, HUB_LFS_S3_SECRET_KEY) to the bucket to copy into.");
                return 2;
            }
            return migration.run(System.out).ok() ? 0 : 1;
        }
    }
}
