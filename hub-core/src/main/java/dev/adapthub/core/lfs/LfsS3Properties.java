package dev.adapthub.core.lfs;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Git LFS objects live when they live in an S3-compatible bucket ({@code hub.lfs.s3.*},
 * environment {@code HUB_LFS_S3_*}). Without a bucket the hub keeps them in files (the default).
 *
 * @param endpoint the S3 API's base URL (e.g. {@code http://minio:9000}); empty for AWS itself
 * @param bucket the bucket; setting it switches LFS storage to the bucket
 * @param region the signing region, {@code us-east-1} by default
 * @param accessKey with {@code secretKey}; both empty: the AWS SDK's default credentials chain
 * @param secretKey the secret of {@code accessKey}
 * @param pathStyle {@code bucket} in the path rather than the host name; by default on when an
 *     endpoint is given (MinIO, Ceph, S3Proxy), off for AWS
 * @param presignTtl how long a presigned upload or download link stays valid
 * @param publicEndpoint the base URL clients reach the object store at, when it differs from
 *     {@code endpoint} (the hub talks to {@code http://minio:9000} inside a compose network, clients
 *     to {@code https://objects.example.org}); presigned links are signed for this host. Empty: the
 *     {@code endpoint}
 */
@ConfigurationProperties("hub.lfs.s3")
public record LfsS3Properties(String endpoint, String bucket, String region, String accessKey, String secretKey,
        Boolean pathStyle, Duration presignTtl, String publicEndpoint) {

    public LfsS3Properties {
        region = isBlank(region) ? "us-east-1" : region.strip();
        presignTtl = presignTtl == null || presignTtl.isZero() || presignTtl.isNegative() ? Duration.ofMinutes(15)
                : presignTtl;
    }

    /** True when a bucket is set, so LFS objects go there. */
    public boolean configured() {
        return !isBlank(bucket);
    }

    boolean pathStyleOrDefault() {
        return pathStyle != null ? pathStyle : !isBlank(endpoint);
    }

    URI endpointUri() {
        return isBlank(endpoint) ? null : URI.create(endpoint.strip());
    }

    /** Where presigned links point: the public endpoint when one is set, else the endpoint (null: AWS). */
    URI linkEndpointUri() {
        return isBlank(publicEndpoint) ? endpointUri() : URI.create(publicEndpoint.strip());
    }

    boolean hasKeys() {
        return !isBlank(accessKey) && !isBlank(secretKey);
    }

    /** How the bucket is named in messages: bucket and endpoint, never the keys. */
    String describe() {
        return "bucket '" + bucket + "' at " + (isBlank(endpoint) ? "AWS S3 (" + region + ")" : endpoint.strip());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
