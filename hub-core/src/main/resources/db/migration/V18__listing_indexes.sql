-- Speed (issue #15): listings filter and page in SQL; these let the database read one page in
-- order instead of sorting every repository of a kind or an owner. Plain indexes (H2 and PostgreSQL).
CREATE INDEX ix_repositories_kind_updated ON repositories (kind, updated_at);
CREATE INDEX ix_repositories_owner_updated ON repositories (owner_lower, updated_at);
