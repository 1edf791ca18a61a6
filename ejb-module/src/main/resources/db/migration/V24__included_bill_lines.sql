-- Units a contract already paid for, on the bill at 0.00 (issue "Every AWS offer settles right",
-- items 2 and 3): a final bill keeps which of its lines they are. Runs unchanged on H2 2.x and
-- PostgreSQL 15.
ALTER TABLE bill_line ADD COLUMN included BOOLEAN DEFAULT FALSE NOT NULL;
