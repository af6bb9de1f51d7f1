package dev.adapthub.git.read;

import org.eclipse.jgit.lib.ObjectId;

/**
 * A revision the user typed, resolved to a commit.
 *
 * @param revision the input as given (branch, tag, sha, full ref)
 * @param commitId the commit it names now (tags are peeled); send it as {@code X-Repo-Commit}
 * @param refName the full ref it came from, or null when the input was a commit id
 */
public record ResolvedRevision(String revision, ObjectId commitId, String refName) {
}
