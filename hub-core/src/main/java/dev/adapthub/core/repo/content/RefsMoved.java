package dev.adapthub.core.repo.content;

import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Published after refs of a repository moved: a {@code git push} was applied, or the hub
 * committed (edit, upload, merge, seeding). Listeners react without touching Git's hot path:
 * they schedule background work (checks of a pull request whose head moved, re-validation of
 * the configs on a default branch) and return.
 *
 * @param repoId the repository's database id ({@link dev.adapthub.core.repo.Repo#id()})
 * @param actor  the account name that moved the refs
 */
public record RefsMoved(long repoId, String actor, List<Move> moves) {

    public RefsMoved {
        moves = List.copyOf(moves);
    }

    /**
     * One ref's move. {@code oldId} is {@link ObjectId#zeroId()} for a created ref, {@code newId}
     * is zero for a deleted one.
     */
    public record Move(String ref, ObjectId oldId, ObjectId newId) {

        public boolean deleted() {
            return ObjectId.zeroId().equals(newId);
        }
    }

    /** Whether {@code ref} (a full name such as {@code refs/heads/main}) is among the moves. */
    public boolean moved(String ref) {
        return moves.stream().anyMatch(m -> m.ref().equals(ref));
    }
}
