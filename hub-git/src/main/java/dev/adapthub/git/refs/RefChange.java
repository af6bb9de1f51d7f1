package dev.adapthub.git.refs;

import java.util.Objects;

import org.eclipse.jgit.lib.ObjectId;

/**
 * One compare-and-swap step: move {@code refName} from {@code expectedOldId} to {@code newId}.
 * {@link ObjectId#zeroId()} as the old id means "the ref must not exist yet"; as the new id it
 * means "delete the ref". Neither id is ever null, so "whatever it is now" cannot be expressed:
 * every write states what it saw.
 */
public record RefChange(String refName, ObjectId expectedOldId, ObjectId newId) {

    public RefChange {
        Objects.requireNonNull(refName, "refName");
        Objects.requireNonNull(expectedOldId, "expectedOldId (use ObjectId.zeroId() for 'must not exist')");
        Objects.requireNonNull(newId, "newId (use ObjectId.zeroId() to delete)");
        expectedOldId = expectedOldId.copy();
        newId = newId.copy();
    }

    public static RefChange create(String refName, ObjectId newId) {
        return new RefChange(refName, ObjectId.zeroId(), newId);
    }

    public static RefChange update(String refName, ObjectId expectedOldId, ObjectId newId) {
        return new RefChange(refName, expectedOldId, newId);
    }

    public static RefChange delete(String refName, ObjectId expectedOldId) {
        return new RefChange(refName, expectedOldId, ObjectId.zeroId());
    }
}
