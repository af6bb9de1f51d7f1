package dev.adapthub.git.read;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** What the hub shows of a commit. */
public record CommitInfo(ObjectId id, List<ObjectId> parents, Person author, Person committer,
        String subject, String message) {

    /** A commit's author or committer. */
    public record Person(String name, String email, Instant when) {
        static Person of(PersonIdent ident) {
            return new Person(ident.getName(), ident.getEmailAddress(), ident.getWhenAsInstant());
        }
    }

    public CommitInfo {
        parents = List.copyOf(parents);
    }

    /** @param commit a parsed commit */
    public static CommitInfo of(RevCommit commit) {
        return new CommitInfo(commit.copy(),
                Arrays.stream(commit.getParents()).map(p -> (ObjectId) p.copy()).toList(),
                Person.of(commit.getAuthorIdent()), Person.of(commit.getCommitterIdent()),
                commit.getShortMessage(), commit.getFullMessage());
    }
}
