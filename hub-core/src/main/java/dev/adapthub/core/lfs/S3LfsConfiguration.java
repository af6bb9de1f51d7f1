package dev.adapthub.core.lfs;

import dev.adapthub.core.HubProperties;
import dev.adapthub.core.status.ComponentCheck;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.store.RepositoryStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Git LFS objects in an S3-compatible bucket, when {@code hub.lfs.s3.bucket} is set (otherwise
 * {@link dev.adapthub.core.storage.GitStorageConfiguration} keeps them in files). The bucket is
 * checked at start: one that does not answer stops the hub with a message naming it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LfsS3Properties.class)
@ConditionalOnExpression(S3LfsConfiguration.ENABLED)
public class S3LfsConfiguration {

    /** True when a bucket is configured. */
    public static final String ENABLED = "!'${hub.lfs.s3.bucket:}'.isBlank()";

    @Bean(destroyMethod = "close")
    S3LfsBucket s3LfsBucket(LfsS3Properties settings) {
        return S3LfsBucket.connect(settings);
    }

    /** The status page's {@code lfs} component asks the bucket, not the local disk. */
    @Bean
    ComponentCheck lfsStorageCheck(S3LfsBucket bucket) {
        return new S3BucketCheck(bucket);
    }

    @Bean
    LfsObjectIndex lfsObjectIndex(DataSource dataSource, Clock clock) {
        return new LfsObjectIndex(dataSource, clock);
    }

    @Bean
    LfsToS3Migration lfsToS3Migration(RepositoryStore repositories, S3LfsBucket bucket, LfsObjectIndex index,
            DataSource dataSource, @Value("${hub.lfs.max-object-bytes:53687091200}") long maxObjectBytes) {
        return new LfsToS3Migration(repositories, bucket, index, dataSource, maxObjectBytes);
    }

    @Bean
    LfsStores lfsStores(S3LfsBucket bucket, LfsObjectIndex index, HubProperties hub,
            @Value("${hub.lfs.max-object-bytes:53687091200}") long maxObjectBytes) {
        return id -> new S3LfsObjectStore(bucket, index, id, maxObjectBytes, hub.dataDir().resolve("lfs-upload-tmp"));
    }
}
