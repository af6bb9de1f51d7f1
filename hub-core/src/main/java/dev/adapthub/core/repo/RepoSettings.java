package dev.adapthub.core.repo;

/**
 * A change of a repository's settings as the Hugging Face settings endpoint sends it; a
 * {@code null} field keeps its current value.
 */
public record RepoSettings(Boolean privateRepo, RepoGate gated, Boolean discussionsDisabled) {

    public boolean isEmpty() {
        return privateRepo == null && gated == null && discussionsDisabled == null;
    }
}
