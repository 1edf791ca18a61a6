-- Operators are people (issue "The operators' Billing Center", item 1): their own accounts, apart
-- from the customers', with a role (OPERATOR acts, AUDITOR reads), a password and a second factor
-- (TOTP, RFC 6238; single-use recovery codes, kept as hashes), set up through a one-time link;
-- their sign-ins are sessions of their own (a cookie for /ops/ only, kept here as a hash, so that
-- every instance of a cluster knows them). Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE operator_account (
    id                BIGINT        NOT NULL,
    username          VARCHAR(40)   NOT NULL,
    role              VARCHAR(16)   NOT NULL,
    password_hash     VARCHAR(512),
    totp_secret       VARCHAR(64)   NOT NULL,
    totp_last_step    BIGINT        DEFAULT 0 NOT NULL,
    recovery_codes    VARCHAR(2000),
    setup_token_hash  VARCHAR(64),
    setup_expires_at  TIMESTAMP,
    created_at        TIMESTAMP     NOT NULL,
    created_by        VARCHAR(64)   NOT NULL,
    active_since      TIMESTAMP,
    CONSTRAINT pk_operator_account PRIMARY KEY (id),
    CONSTRAINT uq_operator_account_username UNIQUE (username),
    CONSTRAINT ck_operator_account_role CHECK (role IN ('OPERATOR', 'AUDITOR'))
);

CREATE TABLE operator_session (
    token_hash   VARCHAR(64)  NOT NULL,
    operator_id  BIGINT       NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    CONSTRAINT pk_operator_session PRIMARY KEY (token_hash),
    CONSTRAINT fk_operator_session_operator FOREIGN KEY (operator_id)
        REFERENCES operator_account (id)
);
