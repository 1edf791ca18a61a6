-- Per-operator API tokens (issue "The operators' Billing Center", item 1): an operator's own key for
-- the operations API, named, expiring, kept as a hash, listed with its last use, revoked at once;
-- they replace the one shared key (which keeps working for a release, logged as deprecated). Runs
-- unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE operator_token (
    id           BIGINT        NOT NULL,
    token_hash   VARCHAR(64)   NOT NULL,
    operator_id  BIGINT        NOT NULL,
    name         VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    expires_at   TIMESTAMP     NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP,
    CONSTRAINT pk_operator_token PRIMARY KEY (id),
    CONSTRAINT uq_operator_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_operator_token_operator FOREIGN KEY (operator_id) REFERENCES operator_account (id)
);
