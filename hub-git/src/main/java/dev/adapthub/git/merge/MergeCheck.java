package dev.adapthub.git.merge;

import java.util.List;

import org.eclipse.jgit.lib.ObjectId;

/**
 * Whether a source can merge into a target right now, computed without touching any ref.
 *
 * @param targetTip the target tip the answer is about; pass it as
 *        {@link MergeRequest#expectedTargetTip()} so the merge is refused if the target moves
 * @param conflicts files both sides changed incompatibly, sorted; empty unless {@code CONFLICTS}
 */
public record MergeCheck(ObjectId targetTip, ObjectId sourceTip, Status status, List<String> conflicts) {

    public enum Status {
        /** The target already contains the source: nothing to merge. */
        UP_TO_DATE,
        /** The target is an ancestor of the source: every method works. */
        FAST_FORWARD,
        /** The histories diverged and merge without conflicts: merge commit or squash. */
        CLEAN,
        /** The histories diverged and conflict in {@link MergeCheck#conflicts()}. */
        CONFLICTS
    }

    public MergeCheck {
        conflicts = List.copyOf(conflicts);
    }

    /** True when {@code method} would succeed if the target does not move meanwhile. */
    public boolean allows(MergeMethod method) {
        return switch (status) {
            case FAST_FORWARD -> true;
            case CLEAN -> method != MergeMethod.FAST_FORWARD_ONLY;
            case UP_TO_DATE, CONFLICTS -> false;
        };
    }
}
