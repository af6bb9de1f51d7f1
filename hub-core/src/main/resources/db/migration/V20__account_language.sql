-- The page language an account chose with the footer's language switch (issue #18 part 4): a
-- language tag such as 'en' or 'zh-CN'; NULL until the account chooses, then the cookie and the
-- browser's Accept-Language decide. Plain ALTER TABLE ... ADD COLUMN runs on PostgreSQL and H2.
ALTER TABLE accounts ADD COLUMN language VARCHAR(16);
