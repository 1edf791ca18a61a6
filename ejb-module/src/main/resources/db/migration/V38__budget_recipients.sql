-- Who is told when a budget is near or passed (issue "A customer is a team", item 3): the roles
-- that chose to receive its alerts, as role codes separated by commas; the owners and the finance
-- members unless chosen otherwise. Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE budget ADD COLUMN notify VARCHAR(64) DEFAULT 'owner,finance' NOT NULL;
