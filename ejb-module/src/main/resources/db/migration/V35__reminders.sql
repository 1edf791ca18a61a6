-- Reminders before the money or the data is gone (issue "A customer is a team", item 4): the
-- fewest days before a locked workspace's full lock its owner was reminded of (7, then 1; cleared
-- by a new lock, an unlock or an extension), so that each reminder is sent once. Runs unchanged
-- on H2 2.x and PostgreSQL 15.
ALTER TABLE workspace ADD COLUMN countdown_reminded_days INTEGER;
