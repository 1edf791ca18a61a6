-- Billing Center accounts. Runs unchanged on H2 2.x and PostgreSQL 15.
-- EclipseLink takes each value as the end of a block of allocationSize (50) ids, so the first
-- value must be at least 50.
CREATE SEQUENCE billing_account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE billing_account (
    id                  BIGINT        NOT NULL,
    username            VARCHAR(40)   NOT NULL,
    login_account       VARCHAR(254)  NOT NULL,
    password_hash       VARCHAR(512)  NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    password_changed_at TIMESTAMP     NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_billing_account PRIMARY KEY (id),
    CONSTRAINT uq_billing_account_username UNIQUE (username),
    CONSTRAINT uq_billing_account_login UNIQUE (login_account)
);
