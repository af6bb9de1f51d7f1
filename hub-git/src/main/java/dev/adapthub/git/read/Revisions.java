package dev.adapthub.git.read;

import static dev.adapthub.git.internal.Texts.quote;

import dev.adapthub.git.GitException;
import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.GitNotFoundException;
import dev.adapthub.git.GitStorageException;
import dev.adapthub.git.internal.Texts;
import dev.adapthub.git.refs.RefNames;
import dev.adapthub.git.refs.Refs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Resolves what users type as a revision: a branch ({@code main}), a tag ({@code v1}), a full
 * ref ({@code refs/heads/main}, {@code refs/pr/3}), {@code HEAD}, or a full or abbreviated
 * (at least 7 hex digits) commit id. Git's revision expressions ({@code main~2}, {@code a..b},
 * {@code @{1}}, {@code rev:path}) are refused, so user input can never reach JGit's parser.
 * Branches win over tags, refs win over commit ids.
 */
public final class Revisions {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{7,40}");

    private Revisions() {
    }

    /**
     * @throws GitInvalidInputException for malformed input, an ambiguous abbreviation, or a
     *         revision that names something other than a commit
     * @throws GitNotFoundException when nothing has that name
     */
    public static ResolvedRevision resolve(Repository repo, String revision) throws GitException {
        check(revision);
        try {
            Ref ref = findRef(repo, revision);
            if (ref != null) {
                if (ref.getObjectId() == null) {
                    throw new GitNotFoundException("revision " + quote(revision) + " has no commits yet");
                }
                return new ResolvedRevision(revision, peelToCommit(repo, revision, ref.getObjectId()),
                        ref.getTarget().getName());
            }
            if (HEX.matcher(revision).matches()) {
                return new ResolvedRevision(revision, peelToCommit(repo, revision, resolveId(repo, revision)), null);
            }
        } catch (IOException e) {
            throw new GitStorageException("could not resolve " + quote(revision), e);
        }
        throw new GitNotFoundException("revision " + quote(revision)
                + " is not a branch, tag or commit of this repository");
    }

    /** Resolves and parses the commit. */
    public static RevCommit commit(Repository repo, RevWalk walk, String revision) throws GitException {
        ObjectId id = resolve(repo, revision).commitId();
        try {
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new GitStorageException("could not read commit " + id.name(), e);
        }
    }

    private static void check(String revision) throws GitInvalidInputException {
        if (revision == null || revision.isEmpty()) {
            throw new GitInvalidInputException("revision is empty");
        }
        if (Texts.hasControlOrBrokenChars(revision)
                || revision.getBytes(StandardCharsets.UTF_8).length > RefNames.MAX_LENGTH) {
            throw new GitInvalidInputException("revision " + quote(revision)
                    + " is too long, has control characters or is not valid UTF-8");
        }
        if (revision.contains("..") || revision.contains("@{") || revision.chars().anyMatch(c -> "~^:".indexOf(c) >= 0)) {
            throw new GitInvalidInputException("revision " + quote(revision)
                    + " is an expression; give a branch, tag or commit id");
        }
    }

    private static Ref findRef(Repository repo, String revision) throws IOException, GitInvalidInputException {
        if (revision.equals(Constants.HEAD)) {
            return repo.exactRef(Constants.HEAD);
        }
        if (revision.startsWith(Constants.R_REFS)) {
            return Refs.exact(repo, RefNames.checkRefName(revision));
        }
        for (String prefix : new String[] {Constants.R_HEADS, Constants.R_TAGS}) {
            String full = prefix + revision;
            if (Repository.isValidRefName(full)) {
                Ref ref = Refs.exact(repo, full);
                if (ref != null) {
                    return ref;
                }
            }
        }
        return null;
    }

    private static ObjectId resolveId(Repository repo, String hex) throws IOException, GitException {
        if (hex.length() == Constants.OBJECT_ID_STRING_LENGTH) {
            return ObjectId.fromString(hex);
        }
        try (ObjectReader reader = repo.newObjectReader()) {
            Collection<ObjectId> matches = reader.resolve(AbbreviatedObjectId.fromString(hex));
            if (matches.size() > 1) {
                throw new GitInvalidInputException("commit id " + quote(hex)
                        + " is ambiguous; give more digits");
            }
            if (matches.isEmpty()) {
                throw new GitNotFoundException("no commit " + quote(hex) + " in this repository");
            }
            return matches.iterator().next();
        }
    }

    private static ObjectId peelToCommit(Repository repo, String revision, ObjectId id) throws IOException, GitException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id).copy();
        } catch (MissingObjectException e) {
            throw new GitNotFoundException("no commit " + quote(revision) + " in this repository");
        } catch (IncorrectObjectTypeException e) {
            throw new GitInvalidInputException("revision " + quote(revision) + " does not name a commit");
        }
    }
}
