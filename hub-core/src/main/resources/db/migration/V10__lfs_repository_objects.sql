-- Git LFS on object storage: which repository may read which object of the shared bucket. A row is
-- written only after the repository's own upload of the object was checked (size and SHA-256); the
-- bytes are stored once per oid, but a repository reaches them only through its own row. No foreign
-- key: a row may be written while the repository's row is still being created; a deleted
-- repository's rows are unreachable (storage ids are random and never reused).
CREATE TABLE lfs_repository_objects (
    storage_id  VARCHAR(32)              NOT NULL,
    oid         VARCHAR(64)              NOT NULL,
    size_bytes  BIGINT                   NOT NULL,
    verified_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (storage_id, oid)
);
CREATE INDEX ix_lfs_repository_objects_oid ON lfs_repository_objects (oid);
