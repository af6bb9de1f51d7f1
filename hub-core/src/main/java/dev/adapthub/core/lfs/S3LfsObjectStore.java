package dev.adapthub.core.lfs;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.lfs.LfsLink;
import dev.adapthub.git.lfs.LfsObjectStore;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsStore;
import dev.adapthub.git.store.RepoId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One repository's view of the shared LFS bucket: it sees an object only through its own row in
 * {@link LfsObjectIndex}, written after its own upload checked out. Clients upload and download
 * with presigned links; {@link #size} checks a pending upload before reporting it, which is what
 * the LFS verify action, a push's pointer check and a hub commit all ask first.
 */
final class S3LfsObjectStore implements LfsObjectStore {

    private final S3LfsBucket bucket;
    private final LfsObjectIndex index;
    private final RepoId repo;
    private final long maxObjectBytes;
    private final Path tmp;

    S3LfsObjectStore(S3LfsBucket bucket, LfsObjectIndex index, RepoId repo, long maxObjectBytes, Path tmp) {
        this.bucket = bucket;
        this.index = index;
        this.repo = repo;
        this.maxObjectBytes = maxObjectBytes;
        this.tmp = tmp;
    }

    @Override
    public long maxObjectBytes() {
        return maxObjectBytes;
    }

    @Override
    public OptionalLong size(LfsOid oid) throws GitException {
        OptionalLong known = index.size(repo, oid);
        if (known.isPresent()) {
            return known;
        }
        OptionalLong checked = bucket.verifyPending(repo, oid, maxObjectBytes, size -> index.add(repo, oid, size));
        // Empty: nothing pending, or another hub process checked it a moment ago.
        return checked.isPresent() ? checked : index.size(repo, oid);
    }

    @Override
    public InputStream open(LfsOid oid) throws GitException {
        requireOwned(oid);
        return bucket.open(oid);
    }

    /** Through the hub (not a presigned link): checked while spooled to a file, then stored. */
    @Override
    public void put(LfsOid oid, long expectedSize, InputStream content) throws GitException {
        Path dir = null;
        try {
            Files.createDirectories(tmp);
            dir = Files.createTempDirectory(tmp, "put");
            LfsStore local = new LfsStore(dir.resolve("objects"), maxObjectBytes);
            local.put(oid, expectedSize, content);
            bucket.putChecked(oid, local.path(oid));
            index.add(repo, oid, Files.size(local.path(oid)));
        } catch (IOException e) {
            throw new GitStorageException("could not store LFS object " + oid, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    @Override
    public Optional<LfsLink> downloadLink(LfsOid oid, String fileName) throws GitException {
        return index.size(repo, oid).isPresent() ? Optional.of(bucket.downloadLink(oid, fileName)) : Optional.empty();
    }

    @Override
    public Optional<LfsLink> uploadLink(LfsOid oid, long size) {
        return Optional.of(bucket.uploadLink(repo, oid, size));
    }

    private void requireOwned(LfsOid oid) throws GitNotFoundException {
        if (index.size(repo, oid).isEmpty()) {
            throw new GitNotFoundException("LFS object " + oid + " was never uploaded to this repository; push it"
                    + " with git lfs push");
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary file is harmless; the result of the upload is what the caller needs.
        }
    }
}
