-- Links mailed to customers (issue "The customer's Billing Center"): a password reset, and the lock
-- page of a locked workspace, reachable without signing in. Only a SHA-256 of each link's token is
-- kept, so that reading this table opens no page. Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE SEQUENCE mailed_link_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mailed_link (
    id            BIGINT        NOT NULL,
    purpose       VARCHAR(16)   NOT NULL,
    token_hash    VARCHAR(64)   NOT NULL,
    account_id    BIGINT        NOT NULL,
    workspace_id  BIGINT,
    created_at    TIMESTAMP     NOT NULL,
    expires_at    TIMESTAMP     NOT NULL,
    used_at       TIMESTAMP,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_mailed_link PRIMARY KEY (id),
    CONSTRAINT uq_mailed_link_token UNIQUE (token_hash),
    CONSTRAINT fk_mailed_link_account FOREIGN KEY (account_id) REFERENCES billing_account (id),
    CONSTRAINT ck_mailed_link_purpose CHECK (purpose IN ('PASSWORD_RESET', 'LOCK_PAGE'))
);

-- How many reset links an account was sent lately (the per-account limit).
CREATE INDEX ix_mailed_link_account ON mailed_link (account_id, purpose, created_at);

-- A workspace its owner dissolved during its lock countdown: gone from every list and taking no
-- data, kept only so that its bills still name it.
ALTER TABLE workspace ADD COLUMN dissolved_at TIMESTAMP;
ALTER TABLE workspace DROP CONSTRAINT ck_workspace_status;
ALTER TABLE workspace ADD CONSTRAINT ck_workspace_status
    CHECK (status IN ('ACTIVE', 'LOCKED', 'FULLY_LOCKED', 'DISSOLVED'));
