package dev.adapthub.core.repo;

/**
 * What a person asks for when creating a repository.
 *
 * @param owner a user or organization name; {@code null} means the creator
 */
public record NewRepo(RepoKind kind, String owner, String name, boolean privateRepo) {
}
