package dev.adapthub.git.refs;

import java.io.IOException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * Looks up refs whose names come from users ({@code main/config} typed into a URL).
 * <p>
 * Loose refs are files, so no ref can live inside another: with {@code refs/heads/main} present,
 * {@code refs/heads/main/config} cannot exist. JGit still looks for that file through the file
 * {@code main}, gets "Not a directory" from the file system, and logs it at ERROR with a
 * 60-line stack trace, once per lookup: every such URL would flood the log with an error that
 * is only a client's 404. These names are answered "no such ref" without asking JGit.
 */
public final class Refs {

    /** Prefixes shorter than {@code refs/<kind>/<name>} are folders, not refs. */
    private static final int FIRST_POSSIBLE_REF_SEGMENTS = 3;

    private Refs() {
    }

    /** The ref with exactly this name, or null, as {@link Repository#exactRef(String)} answers. */
    public static Ref exact(Repository repo, String name) throws IOException {
        if (!name.equals(Constants.HEAD) && insideAnotherRef(repo, name)) {
            return null;
        }
        return repo.exactRef(name);
    }

    private static boolean insideAnotherRef(Repository repo, String name) throws IOException {
        int segments = 1;
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            if (segments++ >= FIRST_POSSIBLE_REF_SEGMENTS && repo.exactRef(name.substring(0, slash)) != null) {
                return true;
            }
        }
        return false;
    }
}
