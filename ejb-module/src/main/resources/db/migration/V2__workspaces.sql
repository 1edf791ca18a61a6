-- Workspaces of Billing Center accounts. The language never changes after creation (the entity
-- maps it read-only). Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE SEQUENCE workspace_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE workspace (
    id                    BIGINT        NOT NULL,
    owner_id              BIGINT        NOT NULL,
    name                  VARCHAR(100)  NOT NULL,
    site_code             VARCHAR(16)   NOT NULL,
    language_code         VARCHAR(2)    NOT NULL,
    plan                  VARCHAR(16)   NOT NULL,
    settlement_method     VARCHAR(32)   NOT NULL,
    cloud_account_id      BIGINT,
    settlement_changed_at TIMESTAMP,
    status                VARCHAR(16)   NOT NULL,
    locked_at             TIMESTAMP,
    lock_reason           VARCHAR(64),
    created_at            TIMESTAMP     NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT pk_workspace PRIMARY KEY (id),
    CONSTRAINT fk_workspace_owner FOREIGN KEY (owner_id) REFERENCES billing_account (id),
    CONSTRAINT ck_workspace_language CHECK (language_code IN ('EN', 'ZH')),
    CONSTRAINT ck_workspace_plan CHECK (plan IN ('FREE', 'COMMERCIAL')),
    CONSTRAINT ck_workspace_status CHECK (status IN ('ACTIVE', 'LOCKED', 'FULLY_LOCKED'))
);

-- Workspace Management pages through an owner's workspaces in id order.
CREATE INDEX ix_workspace_owner ON workspace (owner_id, id);
