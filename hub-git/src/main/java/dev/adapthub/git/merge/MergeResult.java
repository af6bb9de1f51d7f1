package dev.adapthub.git.merge;

import org.eclipse.jgit.lib.ObjectId;

/**
 * A completed merge: {@code targetRef} moved from {@code previousTip} to {@code newTip}.
 * For a fast-forward {@code newTip} is the source commit; otherwise it is the new merge or
 * squash commit the pull request records.
 */
public record MergeResult(String targetRef, ObjectId previousTip, ObjectId newTip, MergeMethod method) {
}
