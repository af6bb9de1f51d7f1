-- Attempt counters for throttling (sign-ins per account and per address, invalid tokens per
-- address), shared by every hub process on the database. One row per bucket and fixed window;
-- a counter is raised with UPDATE ... SET attempts = attempts + 1, and the primary key makes a
-- concurrent first INSERT fail, so no attempt is lost. Rows of ended windows are deleted.
CREATE TABLE throttle_counters (
    bucket       VARCHAR(200) NOT NULL,
    window_start BIGINT       NOT NULL,
    attempts     INT          NOT NULL,
    expires_at   BIGINT       NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE INDEX throttle_counters_expires_at_idx ON throttle_counters (expires_at);
