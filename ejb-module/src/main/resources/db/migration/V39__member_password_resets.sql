-- A team member's "forgot password" (issue "A customer is a team"): a reset link names the member
-- it is for (NULL: the account's own login), so that it changes that login's password only. Runs
-- unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE mailed_link ADD COLUMN member_id BIGINT;
