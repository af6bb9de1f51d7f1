package dev.adapthub.git.lfs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import org.eclipse.jgit.lfs.LfsPointer;
import org.eclipse.jgit.lfs.lib.LongObjectId;

/**
 * The small text file Git stores in place of an LFS-tracked file ({@code version}, {@code oid
 * sha256:…}, {@code size} lines). Parsing and formatting follow the Git LFS spec via JGit's
 * {@link LfsPointer}; anything else, including files of {@value #MAX_POINTER_BYTES} bytes or
 * more, is not a pointer.
 */
public record LfsPointerFile(LfsOid oid, long size) {
    /** The spec caps pointer files below 1024 bytes; larger blobs are never parsed. */
    public static final int MAX_POINTER_BYTES = 1024;
    /** The shortest valid pointer (version, oid and a one-digit size lines). */
    public static final int MIN_POINTER_BYTES = 100;

    public LfsPointerFile {
        if (size < 0) {
            throw new IllegalArgumentException("LFS object size must not be negative: " + size);
        }
    }

    /** Parses {@code content} as a pointer file; empty if it is not one. */
    public static Optional<LfsPointerFile> parse(byte[] content) {
        if (content.length >= MAX_POINTER_BYTES) {
            return Optional.empty();
        }
        try {
            LfsPointer pointer = LfsPointer.parseLfsPointer(new ByteArrayInputStream(content));
            if (pointer == null || pointer.getSize() < 0) {
                return Optional.empty();
            }
            return Optional.of(new LfsPointerFile(new LfsOid(pointer.getOid().name()), pointer.getSize()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when a blob of this many bytes could be a pointer (cheap pre-check before reading it). */
    public static boolean mayBePointer(long blobSize) {
        return blobSize >= MIN_POINTER_BYTES && blobSize < MAX_POINTER_BYTES;
    }

    /** The canonical pointer file text, as {@code git lfs} writes it. */
    public byte[] format() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        new LfsPointer(LongObjectId.fromString(oid.hex()), size).encode(out);
        return out.toByteArray();
    }
}
