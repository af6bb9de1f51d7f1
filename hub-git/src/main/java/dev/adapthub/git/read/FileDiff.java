package dev.adapthub.git.read;

import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The change of one file between two commits.
 *
 * @param oldPath null for an added file
 * @param newPath null for a deleted file
 * @param binary true when Git considers either side binary (no patch then)
 * @param tooLarge true when either side exceeds {@link DiffLimits#maxBlobBytes()} (no patch then)
 * @param patch unified diff text ("diff --git" header and hunks), possibly cut; "" when none
 * @param truncated true when {@code patch} was cut or left out because of a limit
 * @param additions added lines in the (complete) diff; 0 for binary or too large files
 */
public record FileDiff(ChangeType changeType, String oldPath, String newPath, ObjectId oldId, ObjectId newId,
        boolean binary, boolean tooLarge, String patch, boolean truncated, int additions, int deletions) {

    /** The path to show: the new one, or the old one of a deleted file. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}
