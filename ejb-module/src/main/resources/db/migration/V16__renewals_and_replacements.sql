-- Renewals and replacements never lock a paying customer (issue "Every AWS offer settles right",
-- item 4). Runs unchanged on H2 2.x and PostgreSQL 15.

-- A deprovisioning alone (no ended agreement near it) ends the subscription only if no successor
-- comes within the grace: until then the account is ENDING and this says when it would end.
ALTER TABLE cloud_account ADD COLUMN end_expected_at TIMESTAMP;
CREATE INDEX ix_cloud_account_end_expected ON cloud_account (end_expected_at);

-- The licenses a cloud account held before a renewal or replacement gave it a new one; each
-- hour before "held_until" is metered to the license it held then.
CREATE SEQUENCE cloud_account_license_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE cloud_account_license (
    id                  BIGINT        NOT NULL,
    cloud_account_id    BIGINT        NOT NULL,
    provider            VARCHAR(32)   NOT NULL,
    license_key         VARCHAR(512)  NOT NULL,
    license_arn         VARCHAR(512),
    customer_identifier VARCHAR(255),
    held_until          TIMESTAMP     NOT NULL,
    succeeded_at        TIMESTAMP     NOT NULL,
    CONSTRAINT pk_former_license PRIMARY KEY (id),
    CONSTRAINT uq_former_license UNIQUE (provider, license_key),
    CONSTRAINT fk_former_license_account FOREIGN KEY (cloud_account_id)
        REFERENCES cloud_account (id)
);

CREATE INDEX ix_former_license_account ON cloud_account_license (cloud_account_id, held_until);

-- An agreement linked to its license by the agreement it renews (its own license event not seen
-- yet): the license event, when it comes, may name another license, which then wins.
ALTER TABLE marketplace_agreement ADD COLUMN inherited BOOLEAN DEFAULT FALSE NOT NULL;
