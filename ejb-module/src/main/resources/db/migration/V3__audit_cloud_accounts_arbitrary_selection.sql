-- The audit log, cloud accounts (registered by a marketplace; bound to a Billing Center account
-- once the customer sets it up) and the operator's "arbitrary selection" flag on accounts.
-- Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE billing_account ADD COLUMN arbitrary_selection BOOLEAN DEFAULT FALSE NOT NULL;

CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_entry (
    id           BIGINT        NOT NULL,
    account_id   BIGINT,
    actor        VARCHAR(64)   NOT NULL,
    occurred_at  TIMESTAMP     NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    subject_type VARCHAR(32)   NOT NULL,
    subject_id   VARCHAR(64)   NOT NULL,
    before_value VARCHAR(1000),
    after_value  VARCHAR(1000),
    CONSTRAINT pk_audit_entry PRIMARY KEY (id)
);

-- The audit page lists an account's entries newest first.
CREATE INDEX ix_audit_entry_account ON audit_entry (account_id, id);

CREATE SEQUENCE cloud_account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE cloud_account (
    id                  BIGINT        NOT NULL,
    owner_id            BIGINT,
    provider            VARCHAR(32)   NOT NULL,
    provider_account_id VARCHAR(64)   NOT NULL,
    license_id          VARCHAR(512)  NOT NULL,
    product_code        VARCHAR(255)  NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_cloud_account PRIMARY KEY (id),
    CONSTRAINT fk_cloud_account_owner FOREIGN KEY (owner_id) REFERENCES billing_account (id),
    CONSTRAINT uq_cloud_account_license UNIQUE (provider, license_id)
);

CREATE INDEX ix_cloud_account_owner ON cloud_account (owner_id, id);

-- Workspace Management sorts and filters an owner's workspaces by these columns.
CREATE INDEX ix_workspace_owner_name ON workspace (owner_id, name);
CREATE INDEX ix_workspace_owner_site ON workspace (owner_id, site_code, id);
