-- Several hub processes on one database (issue #14, docs/operations.md).

-- Spring Session's JDBC store, as its schema-postgresql.sql has it (Spring Session 4.0), created here
-- instead of by spring.session.jdbc.initialize-schema so both databases get it through Flyway.
-- Unquoted names: H2's DATABASE_TO_LOWER and PostgreSQL both fold them to lower case, as they do the
-- store's queries.
CREATE TABLE spring_session (
    primary_id CHAR(36) NOT NULL,
    session_id CHAR(36) NOT NULL,
    creation_time BIGINT NOT NULL,
    last_access_time BIGINT NOT NULL,
    max_inactive_interval INT NOT NULL,
    expiry_time BIGINT NOT NULL,
    principal_name VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name VARCHAR(200) NOT NULL,
    attribute_bytes BYTEA NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Signing keys every process must agree on (ClusterSecrets): generated once by the first process
-- that needs one, unless HUB_SECRET_<NAME> gives it.
CREATE TABLE cluster_secret (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    secret VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One counter per in-memory cache (ClusterGenerations): a process that changes what a cache was
-- computed from adds one, every process polls the row and drops its copy when the number moved.
CREATE TABLE cluster_generation (
    name VARCHAR(100) NOT NULL PRIMARY KEY,
    generation BIGINT NOT NULL
);
