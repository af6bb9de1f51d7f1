package dev.adapthub.git.refs;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitLockedException;
import dev.adapthub.git.RefConflictException;
import dev.adapthub.git.store.RepoId;
import dev.adapthub.git.store.RepositoryStore;
import java.nio.file.Path;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * One of the racing processes of {@link CrossProcessRefUpdateTest}: a {@code main} in its own JVM
 * that appends {@code count} commits to {@code refs/heads/main} of a shared bare repository, each
 * on the tip it read, with the hub's {@link RefUpdater}, and on a lost race reads the tip again
 * and retries. It waits for a start file so both processes begin together, and prints how many
 * races it lost.
 */
public final class RefRacer {

    private RefRacer() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        RepoId id = RepoId.parse(args[1]);
        String name = args[2];
        int count = Integer.parseInt(args[3]);
        Path go = Path.of(args[4]);
        while (!java.nio.file.Files.exists(go)) {
            Thread.sleep(5);
        }
        RefUpdater refs = new RefUpdater();
        PersonIdent who = new PersonIdent(name, name + "@racer.test");
        int conflicts = 0;
        int locked = 0;
        try (RepositoryStore store = new RepositoryStore(root); Repository repo = store.open(id)) {
            for (int i = 0; i < count; i++) {
                while (true) {
                    ObjectId tip = repo.exactRef("refs/heads/main").getObjectId();
                    ObjectId commit = commit(repo, tip, who, name + " " + i);
                    try {
                        refs.update(repo, who, "race", RefChange.update("refs/heads/main", tip, commit));
                        break;
                    } catch (RefConflictException lost) {
                        conflicts++;
                    } catch (GitLockedException busy) {
                        locked++;
                    }
                }
            }
        } catch (GitException e) {
            System.out.println("failed " + e);
            System.exit(2);
        }
        System.out.println("conflicts " + conflicts + " locked " + locked);
    }

    private static ObjectId commit(Repository repo, ObjectId parent, PersonIdent who, String message)
            throws java.io.IOException {
        try (ObjectInserter inserter = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo)) {
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(walk.parseCommit(parent).getTree());
            commit.setParentId(parent);
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(Constants.OBJ_COMMIT, commit.build());
            inserter.flush();
            return id;
        }
    }
}
