-- AWS Marketplace as AWS documents it (Seller Guide, "Amazon EventBridge events"): agreement
-- events name only the agreement; "License Updated" links the agreement to its license.
CREATE SEQUENCE marketplace_agreement_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE marketplace_agreement (
    id           BIGINT        NOT NULL,
    provider     VARCHAR(32)   NOT NULL,
    agreement_id VARCHAR(64)   NOT NULL,
    license_key  VARCHAR(512)  NOT NULL,
    linked_at    TIMESTAMP     NOT NULL,
    CONSTRAINT pk_marketplace_agreement PRIMARY KEY (id),
    CONSTRAINT uq_marketplace_agreement UNIQUE (provider, agreement_id)
);

CREATE INDEX ix_marketplace_agreement_license ON marketplace_agreement (provider, license_key);

-- A message that comes before its buyer registered waits, with no cloud account and no outcome,
-- under the license or agreement it names.
ALTER TABLE marketplace_event ALTER COLUMN cloud_account_id DROP NOT NULL;
ALTER TABLE marketplace_event ALTER COLUMN outcome DROP NOT NULL;
ALTER TABLE marketplace_event ADD COLUMN provider VARCHAR(32);
ALTER TABLE marketplace_event ADD COLUMN license_key VARCHAR(512);
ALTER TABLE marketplace_event ADD COLUMN agreement_id VARCHAR(64);
CREATE INDEX ix_marketplace_event_license ON marketplace_event (license_key);
CREATE INDEX ix_marketplace_event_agreement ON marketplace_event (agreement_id);

-- A license is compared by its resource id (l-...), lower case: AWS writes one license ARN in
-- more than one form (ResolveCustomer: arn:aws:license-manager::<account>:license:l-...; the
-- guide's License Updated example: aws:license-manager:<region>:<account>:l-...).
UPDATE cloud_account
   SET license_id = LOWER(SUBSTRING(license_id FROM POSITION(':l-' IN license_id) + 1))
 WHERE license_arn IS NOT NULL AND POSITION(':l-' IN license_id) > 0;

-- The buyer came from a free-trial offer (Seller Guide, "SaaS free trials": the fulfillment POST
-- carries x-amzn-marketplace-offer-type=free-trial).
ALTER TABLE cloud_account ADD COLUMN free_trial BOOLEAN DEFAULT FALSE NOT NULL;
