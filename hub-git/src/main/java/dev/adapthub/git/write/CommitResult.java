package dev.adapthub.git.write;

import org.eclipse.jgit.lib.ObjectId;

/**
 * A commit now at the tip of {@code refName}.
 *
 * @param parentId the previous tip, or null when the commit created the branch
 */
public record CommitResult(String refName, ObjectId commitId, ObjectId parentId) {
}
