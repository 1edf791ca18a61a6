-- Each AWS agreement's accepted terms, read with the AWS Marketplace Agreement API
-- (DescribeAgreement, GetAgreementTerms) whenever it is linked or amended, retried until read
-- (issue "Every AWS offer settles right", item 1). Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE marketplace_agreement ADD COLUMN terms_state VARCHAR(16) DEFAULT 'DUE' NOT NULL;
ALTER TABLE marketplace_agreement ADD COLUMN terms_attempts INTEGER DEFAULT 0 NOT NULL;
-- Counts the amendments: terms read before one are not stored after it.
ALTER TABLE marketplace_agreement ADD COLUMN terms_generation INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE marketplace_agreement ADD COLUMN terms_next_at TIMESTAMP;
ALTER TABLE marketplace_agreement ADD COLUMN terms_read_at TIMESTAMP;
ALTER TABLE marketplace_agreement ADD COLUMN terms_error VARCHAR(500);
ALTER TABLE marketplace_agreement ADD COLUMN pricing_model VARCHAR(32);
ALTER TABLE marketplace_agreement ADD COLUMN currency VARCHAR(3);
ALTER TABLE marketplace_agreement ADD COLUMN usage_rates VARCHAR(4000);
ALTER TABLE marketplace_agreement ADD COLUMN purchased VARCHAR(4000);
ALTER TABLE marketplace_agreement ADD COLUMN trial_grants VARCHAR(4000);
ALTER TABLE marketplace_agreement ADD COLUMN trial_duration VARCHAR(32);
ALTER TABLE marketplace_agreement ADD COLUMN starts_at TIMESTAMP;
ALTER TABLE marketplace_agreement ADD COLUMN auto_renew BOOLEAN;
CREATE INDEX ix_marketplace_agreement_terms ON marketplace_agreement (terms_state, terms_next_at);
