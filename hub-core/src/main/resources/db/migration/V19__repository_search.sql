-- Full-text search over repository names and cards (#18): one document per repository, rebuilt when
-- its default branch has moved (commit_id differs from repositories.last_commit_id). PostgreSQL searches
-- it with to_tsvector/websearch_to_tsquery; H2 (the embedded default) with LIKE per term.
CREATE TABLE repository_search (
    repository_id BIGINT                   NOT NULL PRIMARY KEY REFERENCES repositories (id) ON DELETE CASCADE,
    commit_id     VARCHAR(40),
    document      VARCHAR(40000)           NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
