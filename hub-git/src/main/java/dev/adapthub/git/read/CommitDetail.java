package dev.adapthub.git.read;

/** A commit with its changes against its first parent (or the empty tree for a root commit). */
public record CommitDetail(CommitInfo commit, DiffResult diff) {
}
