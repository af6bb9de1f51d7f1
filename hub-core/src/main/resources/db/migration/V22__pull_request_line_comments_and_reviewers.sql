-- Comments on a line of "Files changed" are anchored to a path and a line of the head they were
-- made on; a review request names the account asked. Both are pull request events.
ALTER TABLE pull_request_events ADD COLUMN path VARCHAR(1000);
ALTER TABLE pull_request_events ADD COLUMN line INTEGER;
ALTER TABLE pull_request_events ADD COLUMN subject_id BIGINT REFERENCES accounts (id);
