-- The customers' API tokens (issue "A customer is a team", item 2): a person's tokens for the JSON
-- API (Authorization: Bearer bct_…), named, read or read-write, expiring, kept as a hash, listed
-- with their last use, revoked at once; the operators' tokens take a scope column too, so that both
-- are one kind of table. Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE operator_token ADD COLUMN scope VARCHAR(16);

CREATE SEQUENCE api_token_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE api_token (
    id           BIGINT        NOT NULL,
    token_hash   VARCHAR(64)   NOT NULL,
    account_id   BIGINT        NOT NULL,
    name         VARCHAR(64)   NOT NULL,
    scope        VARCHAR(16)   NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    expires_at   TIMESTAMP     NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP,
    CONSTRAINT pk_api_token PRIMARY KEY (id),
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES billing_account (id)
);

CREATE INDEX ix_api_token_account ON api_token (account_id, id);
