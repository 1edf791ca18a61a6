-- Bills at the agreement's price (issue "Every AWS offer settles right", item 2): a final bill's
-- line says which AWS agreement priced it (null: the list price). Runs unchanged on H2 2.x and
-- PostgreSQL 15.
ALTER TABLE bill_line ADD COLUMN agreement_id VARCHAR(64);
