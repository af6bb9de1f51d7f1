package dev.adapthub.git.lfs;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitTooLargeException;

import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One repository's Git LFS objects, wherever their bytes live: {@link LfsStore} keeps them in
 * files, an object-store implementation in a bucket. {@link LfsStores} hands out one per repository.
 * <p>
 * Invariants every implementation keeps: an object is visible here only when its bytes are known
 * to have the SHA-256 that is its name and the size that is reported (a store that lets clients
 * upload elsewhere checks the bytes before {@link #size} reports them), and only through the
 * repository that uploaded it, so knowing a hash never opens another repository's object.
 */
public interface LfsObjectStore {

    /** The largest object accepted. */
    long maxObjectBytes();

    /**
     * The size of an object this repository may read, or empty when it has none. A store whose
     * clients upload straight to it checks a pending upload here first.
     *
     * @throws GitInvalidInputException when a pending upload's bytes do not match the oid (they are removed)
     */
    OptionalLong size(LfsOid oid) throws GitException;

    default boolean contains(LfsOid oid) throws GitException {
        return size(oid).isPresent();
    }

    /** @throws GitNotFoundException when this repository has no such object */
    InputStream open(LfsOid oid) throws GitException;

    /**
     * Stores {@code content} as {@code oid}, checking its SHA-256 and size while streaming.
     *
     * @param expectedSize the declared size, or -1 when unknown
     * @throws GitInvalidInputException when the content's hash or size differs from the declaration
     * @throws GitTooLargeException when the content exceeds the limit
     */
    void put(LfsOid oid, long expectedSize, InputStream content) throws GitException;

    /**
     * A link the client downloads the object from without the hub in between, or empty when the
     * bytes come through the hub. Only for objects this repository may read.
     *
     * @param fileName the name a browser should save it as, or null
     */
    default Optional<LfsLink> downloadLink(LfsOid oid, String fileName) throws GitException {
        return Optional.empty();
    }

    /**
     * A link the client uploads the object's bytes to without the hub in between, or empty when
     * uploads come through the hub. The upload counts only once {@link #size} has checked it.
     */
    default Optional<LfsLink> uploadLink(LfsOid oid, long size) throws GitException {
        return Optional.empty();
    }
}
