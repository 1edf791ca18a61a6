-- A customer is a team (issue "A customer is a team", item 1): the people an account's owners invite
-- by e-mail, each with a role (owner, admin, finance, viewer), who join with a login of their own;
-- and whose an API token is (NULL: the account's own login). Runs unchanged on H2 2.x and
-- PostgreSQL 15.
CREATE SEQUENCE team_member_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE team_member (
    id                  BIGINT        NOT NULL,
    account_id          BIGINT        NOT NULL,
    login_account       VARCHAR(254)  NOT NULL,
    username            VARCHAR(40),
    password_hash       VARCHAR(512),
    password_changed_at TIMESTAMP,
    role                VARCHAR(16)   NOT NULL,
    invited_by          VARCHAR(40)   NOT NULL,
    language            VARCHAR(8)    NOT NULL,
    invite_hash         VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    expires_at          TIMESTAMP     NOT NULL,
    used_at             TIMESTAMP,
    version             BIGINT        NOT NULL,
    CONSTRAINT pk_team_member PRIMARY KEY (id),
    CONSTRAINT uq_team_member_login UNIQUE (login_account),
    CONSTRAINT uq_team_member_username UNIQUE (username),
    CONSTRAINT uq_team_member_invite UNIQUE (invite_hash),
    CONSTRAINT fk_team_member_account FOREIGN KEY (account_id) REFERENCES billing_account (id)
);

CREATE INDEX ix_team_member_account ON team_member (account_id, id);

ALTER TABLE api_token ADD COLUMN member_id BIGINT;
ALTER TABLE api_token ADD CONSTRAINT fk_api_token_member
    FOREIGN KEY (member_id) REFERENCES team_member (id);
