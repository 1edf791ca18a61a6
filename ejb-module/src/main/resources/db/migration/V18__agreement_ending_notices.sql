-- "Purchase Agreement Ending - Proposer" (180, 120, 90, 60 and 30 days before an agreement's end)
-- becomes a notice and a mail to the customer, once per agreement and count of days (issue "Every
-- AWS offer settles right", item 5). Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE marketplace_agreement ADD COLUMN end_time TIMESTAMP;
ALTER TABLE marketplace_agreement ADD COLUMN ending_notice_days INTEGER;
