package dev.adapthub.git.merge;

import java.util.Objects;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * What to merge where.
 *
 * @param targetBranch short or full branch name
 * @param sourceCommit the PR head the gate approved (not a ref name: the head must not move
 *        between the gate and the merge)
 * @param expectedTargetTip the target tip the gate saw, or null for "whatever it is now"; either
 *        way the branch moves by compare-and-swap
 * @param author author of a squash commit (the PR author), or null for the committer
 * @param committer the person merging
 * @param message message of the merge or squash commit (unused for fast-forward)
 */
public record MergeRequest(String targetBranch, ObjectId sourceCommit, ObjectId expectedTargetTip,
        MergeMethod method, PersonIdent author, PersonIdent committer, String message) {

    public MergeRequest {
        Objects.requireNonNull(targetBranch, "targetBranch");
        Objects.requireNonNull(sourceCommit, "sourceCommit");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(committer, "committer");
        Objects.requireNonNull(message, "message");
    }
}
