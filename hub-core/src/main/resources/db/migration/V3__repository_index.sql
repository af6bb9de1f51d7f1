-- What the hub knows about a repository's content without opening Git: refreshed after every
-- push or hub commit. Lists are stored '|'-delimited ('|a|b|') so filters are a portable LIKE.
ALTER TABLE repositories ADD COLUMN last_commit_id   VARCHAR(40);
ALTER TABLE repositories ADD COLUMN last_commit_at   TIMESTAMP WITH TIME ZONE;
ALTER TABLE repositories ADD COLUMN file_count       INTEGER NOT NULL DEFAULT 0;
ALTER TABLE repositories ADD COLUMN total_bytes      BIGINT  NOT NULL DEFAULT 0;
ALTER TABLE repositories ADD COLUMN branch_count     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE repositories ADD COLUMN tag_count        INTEGER NOT NULL DEFAULT 0;
ALTER TABLE repositories ADD COLUMN card_license     VARCHAR(200);
ALTER TABLE repositories ADD COLUMN card_pipeline    VARCHAR(200);
ALTER TABLE repositories ADD COLUMN card_library     VARCHAR(200);
ALTER TABLE repositories ADD COLUMN card_base_model  VARCHAR(200);
ALTER TABLE repositories ADD COLUMN card_category    VARCHAR(200);
ALTER TABLE repositories ADD COLUMN card_tags        VARCHAR(4000);
ALTER TABLE repositories ADD COLUMN card_chips       VARCHAR(4000);
ALTER TABLE repositories ADD COLUMN card_engines     VARCHAR(4000);
ALTER TABLE repositories ADD COLUMN card_warning     VARCHAR(500);
