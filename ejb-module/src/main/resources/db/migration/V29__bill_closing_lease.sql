-- Closing a month's bills at size (issue "The operators' Billing Center", item 4): one instance of a
-- cluster at a time goes through every owner, under this lease. Runs unchanged on H2 2.x and
-- PostgreSQL 15.
INSERT INTO job_lease (name, holder, expires_at) VALUES ('bill-closing', NULL, TIMESTAMP '2000-01-01 00:00:00');
