package dev.adapthub.core.lfs;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.lfs.LfsLink;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.store.RepoId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.LongConsumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The bucket that holds Git LFS objects, shared by every repository and every hub process. Checked
 * objects live at {@code lfs/objects/ab/cd/{oid}}; a client's upload lands first at
 * {@code lfs/staging/{repository}/{oid}/{random}} through a presigned PUT, and only bytes whose
 * SHA-256 and size were checked here are copied to the final key (on the condition that the staged
 * object is still the one read, so an upload replaced while it was checked is never promoted).
 * Invariant: every object under {@code lfs/objects/} has the bytes its name says; the hub writes
 * nothing else there. Who may read an object is {@link LfsObjectIndex}'s business, not this class's.
 * <p>
 * Holds no state besides its clients: any number of hub processes can use one bucket.
 */
final class S3LfsBucket implements AutoCloseable {

    private static final String OBJECTS = "lfs/objects/";
    private static final String STAGING = "lfs/staging/";
    /** S3's limit for a single CopyObject; larger objects are copied in parts. */
    static final long MAX_SINGLE_COPY = 5L << 30;
    static final long COPY_PART = 1L << 30;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String where;
    private final Duration ttl;

    private S3LfsBucket(S3Client s3, S3Presigner presigner, LfsS3Properties settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = settings.bucket();
        this.where = settings.describe();
        this.ttl = settings.presignTtl();
    }

    /**
     * Connects and checks that the bucket answers.
     *
     * @throws LfsStorageUnavailableException naming the endpoint and bucket when it does not
     */
    static S3LfsBucket connect(LfsS3Properties settings) {
        AwsCredentialsProvider credentials = settings.hasKeys()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        S3Configuration config = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyleOrDefault())
                .build();
        Region region = Region.of(settings.region());
        URI endpoint = settings.endpointUri();
        var client = S3Client.builder().region(region).credentialsProvider(credentials).serviceConfiguration(config)
                // S3-compatible servers do not all know the newer default checksums; SHA-256 is checked here anyway.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var signer = S3Presigner.builder().region(region).credentialsProvider(credentials).serviceConfiguration(config);
        if (endpoint != null) {
            client.endpointOverride(endpoint);
        }
        URI linkEndpoint = settings.linkEndpointUri();
        if (linkEndpoint != null) {
            signer.endpointOverride(linkEndpoint); // links are signed for the host the client will call
        }
        S3LfsBucket bucket = new S3LfsBucket(client.build(), signer.build(), settings);
        bucket.check();
        return bucket;
    }

    /** @throws LfsStorageUnavailableException unless the bucket exists and this hub may list it */
    void check() {
        try {
            s3.listObjectsV2(b -> b.bucket(bucket).prefix(OBJECTS).maxKeys(1));
        } catch (SdkException e) {
            close();
            throw new LfsStorageUnavailableException(where, reason(e), e);
        }
    }

    String where() {
        return where;
    }

    /** Null when the bucket answers a one-key listing now, otherwise why not (for the status page). */
    String unreachableReason() {
        try {
            s3.listObjectsV2(b -> b.bucket(bucket).prefix(OBJECTS).maxKeys(1));
            return null;
        } catch (SdkException e) {
            return reason(e);
        }
    }

    private static String reason(SdkException e) {
        if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
            return s3e.statusCode() + " " + s3e.awsErrorDetails().errorCode() + ": "
                    + s3e.awsErrorDetails().errorMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : e.getMessage() + " (" + root + ")";
    }

    static String objectKey(LfsOid oid) {
        String hex = oid.hex();
        return OBJECTS + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex;
    }

    private static String stagingPrefix(RepoId repo, LfsOid oid) {
        return STAGING + repo + "/" + oid.hex() + "/";
    }

    /** The size of the checked object, or empty when the bucket has none. */
    OptionalLong size(LfsOid oid) throws GitException {
        try {
            return OptionalLong.of(s3.headObject(b -> b.bucket(bucket).key(objectKey(oid))).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw storage("could not look up LFS object " + oid, e);
        } catch (SdkException e) {
            throw storage("could not look up LFS object " + oid, e);
        }
    }

    InputStream open(LfsOid oid) throws GitException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(objectKey(oid)));
        } catch (NoSuchKeyException e) {
            throw new GitNotFoundException("LFS object " + oid + " is not stored here; push it with git lfs push");
        } catch (SdkException e) {
            throw storage("could not read LFS object " + oid, e);
        }
    }

    LfsLink downloadLink(LfsOid oid, String fileName) {
        var presigned = presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(g -> {
            g.bucket(bucket).key(objectKey(oid));
            if (fileName != null) {
                // RFC 6266/5987: any name survives percent-encoded in UTF-8.
                g.responseContentDisposition("attachment; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }));
        return new LfsLink(URI.create(presigned.url().toString()), ttl.toSeconds());
    }

    /** A presigned PUT of exactly {@code size} bytes to a fresh staging key of {@code repo}. */
    LfsLink uploadLink(RepoId repo, LfsOid oid, long size) {
        String key = stagingPrefix(repo, oid) + UUID.randomUUID();
        var presigned = presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentLength(size)));
        return new LfsLink(URI.create(presigned.url().toString()), ttl.toSeconds());
    }

    /**
     * Checks the pending uploads of {@code oid} to {@code repo}, newest first: the first whose bytes
     * hash to the oid is copied to the final key (unless it is there already), {@code verified}
     * hears its size (to record it) and the staging objects are removed; bytes that do not match are
     * removed too.
     *
     * @return the checked size, or empty when nothing was pending
     * @throws GitInvalidInputException when uploads were pending but none matched
     */
    OptionalLong verifyPending(RepoId repo, LfsOid oid, long maxBytes, LongConsumer verified) throws GitException {
        List<S3Object> pending = new ArrayList<>();
        try {
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(stagingPrefix(repo, oid))).contents()
                    .forEach(pending::add);
        } catch (SdkException e) {
            throw storage("could not list the pending uploads of LFS object " + oid, e);
        }
        pending.sort(Comparator.comparing(S3Object::lastModified).reversed());
        OptionalLong checked = OptionalLong.empty();
        String refusal = null;
        for (S3Object staged : pending) {
            if (checked.isEmpty()) {
                Hashed hashed = hash(staged.key());
                if (hashed == null) {
                    continue; // another process took it meanwhile
                }
                if (!hashed.sha256().equals(oid.hex())) {
                    refusal = "the uploaded bytes of LFS object " + oid + " (" + hashed.size() + " bytes) have SHA-256 "
                            + hashed.sha256() + ", so they are not that object; they were removed: upload the file"
                            + " itself again";
                } else if (hashed.size() > maxBytes) {
                    refusal = "LFS object " + oid + " of " + hashed.size() + " bytes exceeds the limit of " + maxBytes
                            + " bytes; it was removed";
                } else if (promote(staged.key(), hashed, oid)) {
                    verified.accept(hashed.size());
                    checked = OptionalLong.of(hashed.size());
                } else {
                    refusal = "the upload of LFS object " + oid + " changed while the hub checked it; upload it again";
                }
            }
            delete(staged.key());
        }
        if (checked.isEmpty() && refusal != null) {
            throw new GitInvalidInputException(refusal);
        }
        return checked;
    }

    private record Hashed(String sha256, long size, String etag) {
    }

    /** SHA-256, size and ETag of a staged object, read once; null when it is gone. */
    private Hashed hash(String key) throws GitException {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                total += n;
            }
            return new Hashed(HexFormat.of().formatHex(sha256.digest()), total, in.response().eTag());
        } catch (NoSuchKeyException e) {
            return null;
        } catch (SdkException e) {
            throw storage("could not read an upload to check it", e);
        } catch (IOException e) {
            throw new GitStorageException("could not read an upload to check it", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Copies the checked staging object to the final key; false when it changed since it was read. */
    private boolean promote(String stagingKey, Hashed hashed, LfsOid oid) throws GitException {
        if (size(oid).isPresent()) {
            return true; // stored before, by this or another repository: the same bytes, checked then
        }
        String target = objectKey(oid);
        try {
            if (hashed.size() <= MAX_SINGLE_COPY) {
                s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(stagingKey).destinationBucket(bucket)
                        .destinationKey(target).copySourceIfMatch(hashed.etag()));
            } else {
                copyInParts(stagingKey, target, hashed);
            }
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                return false;
            }
            throw storage("could not store LFS object " + oid, e);
        } catch (SdkException e) {
            throw storage("could not store LFS object " + oid, e);
        }
    }

    private void copyInParts(String source, String target, Hashed hashed) {
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(target)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long first = 0; first < hashed.size(); first += COPY_PART) {
                int number = parts.size() + 1;
                String range = "bytes=" + first + "-" + (Math.min(first + COPY_PART, hashed.size()) - 1);
                String etag = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(source)
                        .destinationBucket(bucket).destinationKey(target).uploadId(upload).partNumber(number)
                        .copySourceRange(range).copySourceIfMatch(hashed.etag())).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(target).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (SdkException e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(target).uploadId(upload));
            throw e;
        }
    }

    /** Stores a file whose bytes were checked to be {@code oid} (unless the bucket has it already). */
    void putChecked(LfsOid oid, Path file) throws GitException {
        if (size(oid).isPresent()) {
            return;
        }
        try {
            s3.putObject(b -> b.bucket(bucket).key(objectKey(oid)), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw storage("could not store LFS object " + oid, e);
        }
    }

    private void delete(String key) throws GitException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw storage("could not remove a checked upload", e);
        }
    }

    private GitStorageException storage(String message, SdkException e) {
        return new GitStorageException(message + " in " + where + ": " + reason(e), new IOException(e.getMessage(), e));
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
