package dev.adapthub.git.read;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.refs.RefNames;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/** Branches and tags with the commits they point at, sorted by name. */
public final class RefListing {

    /** A branch; {@code isDefault} when HEAD points at it. */
    public record Branch(String name, String refName, CommitInfo commit, boolean isDefault) {
    }

    /** A tag peeled to its commit; {@code annotation} is null for lightweight tags. */
    public record Tag(String name, String refName, CommitInfo commit, String annotation) {
    }

    private RefListing() {
    }

    /** The short name of the branch HEAD points at ({@code main} for new repositories). */
    public static String defaultBranch(Repository repo) throws GitException {
        try {
            Ref head = repo.exactRef(Constants.HEAD);
            return head == null ? RefNames.DEFAULT_BRANCH
                    : Repository.shortenRefName(head.getTarget().getName());
        } catch (IOException e) {
            throw new GitStorageException("could not read HEAD", e);
        }
    }

    public static List<Branch> branches(Repository repo) throws GitException {
        String defaultRef = Constants.R_HEADS + defaultBranch(repo);
        try (RevWalk walk = new RevWalk(repo)) {
            List<Branch> result = new ArrayList<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
                result.add(new Branch(ref.getName().substring(Constants.R_HEADS.length()), ref.getName(),
                        CommitInfo.of(walk.parseCommit(ref.getObjectId())), ref.getName().equals(defaultRef)));
            }
            return result;
        } catch (IOException e) {
            throw new GitStorageException("could not list branches", e);
        }
    }

    /** Tags that point (possibly through annotated tags) at commits; others are left out. */
    public static List<Tag> tags(Repository repo) throws GitException {
        try (RevWalk walk = new RevWalk(repo)) {
            List<Tag> result = new ArrayList<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                RevObject target = walk.parseAny(ref.getObjectId());
                String annotation = target instanceof RevTag tag ? tag.getFullMessage() : null;
                try {
                    result.add(new Tag(ref.getName().substring(Constants.R_TAGS.length()), ref.getName(),
                            CommitInfo.of(walk.parseCommit(target)), annotation));
                } catch (IncorrectObjectTypeException notACommit) {
                    // A tag of a tree or blob has no page in the hub.
                }
            }
            return result;
        } catch (IOException e) {
            throw new GitStorageException("could not list tags", e);
        }
    }
}
