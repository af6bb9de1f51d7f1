-- Downloads and likes (docs/operations.md, "Status page and metrics"; docs/api.md).
-- Downloads per repository per UTC day, written in batches (DownloadCounter): update, then insert.
CREATE TABLE repo_downloads (
    repository_id BIGINT NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    download_day DATE   NOT NULL,
    downloads     BIGINT NOT NULL,
    PRIMARY KEY (repository_id, download_day)
);
CREATE INDEX ix_repo_downloads_day ON repo_downloads (download_day);

-- Downloads of validated configs (/adaptations/{chip}/{file}), per config path per day.
CREATE TABLE config_downloads (
    repository_id BIGINT        NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    path          VARCHAR(1024) NOT NULL,
    download_day DATE          NOT NULL,
    downloads     BIGINT        NOT NULL,
    PRIMARY KEY (repository_id, path, download_day)
);

CREATE TABLE repo_likes (
    repository_id BIGINT                   NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
    account_id    BIGINT                   NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (repository_id, account_id)
);
CREATE INDEX ix_repo_likes_account ON repo_likes (account_id);

-- Kept in the repository's row so listings sort by them in one query: likes, downloads of the last
-- 30 days (what the Hub's "downloads" means), all downloads, and the trending score (likes and
-- downloads of the last 7 days), refreshed after each flush and hourly (Popularity).
ALTER TABLE repositories ADD COLUMN likes_count    BIGINT NOT NULL DEFAULT 0;
ALTER TABLE repositories ADD COLUMN downloads_30d  BIGINT NOT NULL DEFAULT 0;
ALTER TABLE repositories ADD COLUMN downloads_all  BIGINT NOT NULL DEFAULT 0;
ALTER TABLE repositories ADD COLUMN trending_score BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ix_repositories_likes ON repositories (likes_count);
CREATE INDEX ix_repositories_downloads ON repositories (downloads_30d);
CREATE INDEX ix_repositories_trending ON repositories (trending_score);
