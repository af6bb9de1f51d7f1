package dev.adapthub.git.merge;

/** How a pull request lands on its target branch. */
public enum MergeMethod {
    /** A commit with two parents (target tip, source), always, even when a fast-forward would do. */
    MERGE_COMMIT,
    /** One new commit on the target with the merged tree; the source's commits are not kept. */
    SQUASH,
    /** The target moves to the source; refused unless the target is an ancestor of the source. */
    FAST_FORWARD_ONLY
}
