package dev.adapthub.git.lfs;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.GitTooLargeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Content-addressed Git LFS objects at {@code {root}/ab/cd/{sha256}}.
 * <p>
 * Invariant: a file at an object's path always holds exactly the bytes whose SHA-256 is its
 * name. Uploads stream into a temporary file beside the store while hashing, and are moved into
 * place atomically only when size and hash match; a failed or mismatching upload leaves nothing.
 */
public final class LfsStore implements LfsObjectStore {
    private final Path root;
    private final Path tmp;
    private final long maxObjectBytes;

    /**
     * @param root directory of the objects (created on first upload)
     * @param maxObjectBytes largest object accepted
     */
    public LfsStore(Path root, long maxObjectBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolveSibling(this.root.getFileName() + "-tmp");
        this.maxObjectBytes = maxObjectBytes;
    }

    @Override
    public long maxObjectBytes() {
        return maxObjectBytes;
    }

    /** Where the object lives; read it directly for zero-copy or {@code Range} responses. */
    public Path path(LfsOid oid) {
        String hex = oid.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    /** The object's size, or empty when it is not stored. */
    @Override
    public OptionalLong size(LfsOid oid) throws GitException {
        try {
            return OptionalLong.of(Files.size(path(oid)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new GitStorageException("could not read LFS object " + oid, e);
        }
    }

    @Override
    public boolean contains(LfsOid oid) throws GitException {
        return size(oid).isPresent();
    }

    /** @throws GitNotFoundException when the object is not stored */
    @Override
    public InputStream open(LfsOid oid) throws GitException {
        try {
            return Files.newInputStream(path(oid));
        } catch (NoSuchFileException e) {
            throw new GitNotFoundException("LFS object " + oid + " is not stored here; push it with git lfs push");
        } catch (IOException e) {
            throw new GitStorageException("could not read LFS object " + oid, e);
        }
    }

    /**
     * Stores {@code content} as {@code oid}, checking its SHA-256 and size while streaming.
     *
     * @param expectedSize the declared size, or -1 when unknown
     * @throws GitInvalidInputException when the content's hash or size differs from the declaration
     * @throws GitTooLargeException when the content exceeds the limit
     */
    @Override
    public void put(LfsOid oid, long expectedSize, InputStream content) throws GitException {
        if (expectedSize > maxObjectBytes) {
            throw tooLarge(expectedSize);
        }
        Path temp = null;
        try {
            Files.createDirectories(tmp);
            temp = Files.createTempFile(tmp, oid.hex().substring(0, 8), ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long limit = expectedSize >= 0 ? expectedSize : maxObjectBytes;
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (int n; (n = content.read(buffer)) > 0; ) {
                    total += n;
                    if (total > limit) {
                        throw expectedSize >= 0 && total <= maxObjectBytes
                                ? new GitInvalidInputException("LFS object " + oid + " is larger than the declared "
                                        + expectedSize + " bytes")
                                : tooLarge(total);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (expectedSize >= 0 && total != expectedSize) {
                throw new GitInvalidInputException("LFS object " + oid + " has " + total
                        + " bytes, but " + expectedSize + " were declared; nothing was stored");
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(oid.hex())) {
                throw new GitInvalidInputException("uploaded content has SHA-256 " + actual + ", not " + oid
                        + "; nothing was stored");
            }
            Path target = path(oid);
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new GitStorageException("could not store LFS object " + oid, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A leftover .part file is harmless; the error being thrown is the one to report.
                }
            }
        }
    }

    private GitTooLargeException tooLarge(long size) {
        return new GitTooLargeException("LFS object of " + size + " bytes exceeds the limit of "
                + maxObjectBytes + " bytes");
    }
}
