-- Agreements are first-class (issue "Every AWS offer settles right", item 1): besides its terms,
-- what DescribeAgreement says of each agreement: its status, type, acceptor's account, the offer
-- accepted and when. Read with the terms. Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE marketplace_agreement ADD COLUMN agreement_status VARCHAR(32);
ALTER TABLE marketplace_agreement ADD COLUMN agreement_type VARCHAR(64);
ALTER TABLE marketplace_agreement ADD COLUMN acceptor_account_id VARCHAR(32);
ALTER TABLE marketplace_agreement ADD COLUMN offer_id VARCHAR(128);
ALTER TABLE marketplace_agreement ADD COLUMN accepted_at TIMESTAMP;
