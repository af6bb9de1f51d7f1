package dev.adapthub.core.pull.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/** The best common ancestor of two commits: what a pull request's changes are measured from. */
public final class MergeBase {

    private MergeBase() {
    }

    public static Optional<ObjectId> of(Repository git, ObjectId a, ObjectId b) {
        try (RevWalk walk = new RevWalk(git)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            RevCommit base = walk.next();
            return base == null ? Optional.empty() : Optional.of(base.copy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
