-- Registrations from a cloud marketplace: a buyer came back through our fulfillment URL and got a
-- one-time reference to set up their account with. The buyer's identity is kept as the marketplace
-- gives it (AWS: account id + license ARN, or the legacy customer identifier).
-- Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE cloud_account ADD COLUMN license_arn VARCHAR(512);
ALTER TABLE cloud_account ADD COLUMN customer_identifier VARCHAR(255);

CREATE SEQUENCE marketplace_registration_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE marketplace_registration (
    id               BIGINT        NOT NULL,
    reference        VARCHAR(64)   NOT NULL,
    cloud_account_id BIGINT        NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    expires_at       TIMESTAMP     NOT NULL,
    used_at          TIMESTAMP,
    used_by          BIGINT,
    version          BIGINT        NOT NULL,
    CONSTRAINT pk_marketplace_registration PRIMARY KEY (id),
    CONSTRAINT uq_marketplace_registration_reference UNIQUE (reference),
    CONSTRAINT fk_marketplace_registration_cloud FOREIGN KEY (cloud_account_id) REFERENCES cloud_account (id),
    CONSTRAINT fk_marketplace_registration_user FOREIGN KEY (used_by) REFERENCES billing_account (id)
);

-- Which workspaces a cloud account settles (Cloud Account page, and metering later).
CREATE INDEX ix_workspace_cloud_account ON workspace (cloud_account_id);
