package dev.adapthub.core.repo.card;

/** A README split into its card metadata and the Markdown body shown on the page. */
public record ParsedReadme(RepoCard card, String markdown) {
}
