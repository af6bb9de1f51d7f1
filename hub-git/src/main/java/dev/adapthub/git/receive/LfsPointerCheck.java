package dev.adapthub.git.receive;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.lfs.LfsOid;
import dev.adapthub.git.lfs.LfsPointerFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * Refuses a push that introduces a Git LFS pointer file whose object the hub does not have, so a
 * branch can never name content nobody can download. Git LFS uploads the objects (its pre-push
 * hook) before git sends the commits, so a normal {@code git push} with git-lfs installed passes;
 * a pointer committed without git-lfs, or pushed where the hook did not run, is refused.
 * <p>
 * Only blobs the push introduces are read: objects reachable from the new tip but from no
 * existing ref, and among those only blobs whose size allows a pointer file (under
 * {@value LfsPointerFile#MAX_POINTER_BYTES} bytes); big files are never opened.
 */
public final class LfsPointerCheck {

    /** Whether the LFS store of the repository being pushed to holds an object. */
    @FunctionalInterface
    public interface Presence {
        boolean has(LfsOid oid) throws GitException;
    }

    /** A pointer whose object is missing, at the first path the walk met it. */
    public record Missing(String path, LfsOid oid) {
    }

    private LfsPointerCheck() {
    }

    /**
     * The one-line refusal for {@code command} (shown by git as the ref's reason and a
     * {@code remote:} line), or empty when every pointer it introduces names a stored object.
     */
    public static Optional<String> refusal(Repository repo, ReceiveCommand command, Presence presence)
            throws GitException {
        if (command.getType() == ReceiveCommand.Type.DELETE) {
            return Optional.empty();
        }
        List<Missing> missing = missing(repo, command.getNewId(), presence, 2);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        Missing first = missing.get(0);
        String ref = command.getRefName();
        return Optional.of(ref + ": " + first.path() + " is a Git LFS pointer to object " + first.oid()
                + (missing.size() > 1 ? " (and more files)" : "") + " that was never uploaded to this repository; "
                + hint(ref));
    }

    /** What to run, by the kind of ref pushed. */
    private static String hint(String ref) {
        if (ref.startsWith(Constants.R_HEADS) || ref.startsWith(Constants.R_TAGS)) {
            return "run `git lfs push --all origin " + Repository.shortenRefName(ref) + "`, then push again";
        }
        // A pull request head: git-lfs's pre-push hook names refs/pr/{n} when uploading, which is what
        // lets a PR's author (who may not write to the repository) upload; a separate `git lfs push`
        // would name a branch instead.
        return "install git-lfs (`git lfs install`) and push again, so it uploads the objects first";
    }

    /**
     * Pointer files reachable from {@code tip} but from no ref of {@code repo}, whose objects are
     * not present; at most {@code limit} of them.
     */
    public static List<Missing> missing(Repository repo, ObjectId tip, Presence presence, int limit)
            throws GitException {
        List<Missing> missing = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader(); ObjectWalk walk = new ObjectWalk(reader)) {
            walk.markStart(walk.parseAny(tip));
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                ObjectId existing = ref.getObjectId();
                if (existing != null) {
                    markUninteresting(walk, existing);
                }
            }
            while (walk.next() != null) {
                // Commits first; their trees and blobs follow from nextObject().
            }
            for (RevObject object; (object = walk.nextObject()) != null && missing.size() < limit; ) {
                if (object.getType() != Constants.OBJ_BLOB
                        || !LfsPointerFile.mayBePointer(reader.getObjectSize(object, Constants.OBJ_BLOB))) {
                    continue;
                }
                byte[] content = reader.open(object, Constants.OBJ_BLOB).getCachedBytes(LfsPointerFile.MAX_POINTER_BYTES);
                Optional<LfsPointerFile> pointer = LfsPointerFile.parse(content);
                if (pointer.isPresent() && !presence.has(pointer.get().oid())) {
                    missing.add(new Missing(walk.getPathString(), pointer.get().oid()));
                }
            }
            return missing;
        } catch (IOException e) {
            throw new GitStorageException("could not read the pushed objects of " + tip.name(), e);
        }
    }

    private static void markUninteresting(ObjectWalk walk, ObjectId id) throws IOException {
        try {
            walk.markUninteresting(walk.parseAny(id));
        } catch (MissingObjectException e) {
            // A ref to an object that is gone protects nothing; the walk still excludes every other ref.
        }
    }
}
