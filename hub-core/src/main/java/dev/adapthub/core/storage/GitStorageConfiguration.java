package dev.adapthub.core.storage;

import dev.adapthub.core.HubProperties;
import dev.adapthub.git.lfs.LfsStores;
import dev.adapthub.git.refs.RefUpdater;
import dev.adapthub.git.store.PackCache;
import dev.adapthub.git.store.RepositoryStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Git storage under {@code HUB_DATA_DIR/git}, shared by every feature that reads or writes repositories. */
@Configuration(proxyBeanMethods = false)
public class GitStorageConfiguration {

    @Bean(destroyMethod = "close")
    RepositoryStore repositoryStore(HubProperties properties,
            @Value("${hub.git.pack-cache-bytes:100663296}") long packCacheBytes,
            @Value("${hub.git.delta-base-cache-bytes:16777216}") int deltaBaseCacheBytes) {
        PackCache.install(packCacheBytes, deltaBaseCacheBytes);
        return new RepositoryStore(properties.dataDir().resolve("git"));
    }

    /**
     * Each repository's Git LFS objects, inside its bare repository; one limit for uploads. With a
     * bucket configured, {@link dev.adapthub.core.lfs.S3LfsConfiguration} provides them instead.
     */
    @Bean
    @ConditionalOnExpression("'${hub.lfs.s3.bucket:}'.isBlank()")
    LfsStores lfsStores(RepositoryStore store, @Value("${hub.lfs.max-object-bytes:53687091200}") long maxObjectBytes) {
        return LfsStores.insideRepositories(store, maxObjectBytes);
    }

    @Bean
    RefUpdater refUpdater() {
        return new RefUpdater();
    }
}
