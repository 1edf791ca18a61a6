-- The subscription lifecycle: what AWS Marketplace told us about a cloud account (each message kept
-- by its id, so that a redelivery changes nothing), the account's state from those messages, and
-- the notices a customer gets when workspaces are locked. Runs unchanged on H2 2.x and PostgreSQL 15.

-- From the account's history of messages, replayed in time order: the time of the newest, when the
-- final metering window closes (unsubscribe pending / license deprovisioned), and when it ended.
ALTER TABLE cloud_account ADD COLUMN last_event_at TIMESTAMP;
ALTER TABLE cloud_account ADD COLUMN final_metering_until TIMESTAMP;
ALTER TABLE cloud_account ADD COLUMN ended_at TIMESTAMP;
-- The entitlements of a contract as GetEntitlements last reported them (JSON), and when.
ALTER TABLE cloud_account ADD COLUMN entitlements VARCHAR(4000);
ALTER TABLE cloud_account ADD COLUMN entitlements_at TIMESTAMP;

CREATE SEQUENCE marketplace_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE marketplace_event (
    id               BIGINT        NOT NULL,
    channel          VARCHAR(16)   NOT NULL,
    message_id       VARCHAR(128)  NOT NULL,
    change_kind      VARCHAR(32)   NOT NULL,
    cloud_account_id BIGINT        NOT NULL,
    occurred_at      TIMESTAMP     NOT NULL,
    received_at      TIMESTAMP     NOT NULL,
    outcome          VARCHAR(16)   NOT NULL,
    CONSTRAINT pk_marketplace_event PRIMARY KEY (id),
    CONSTRAINT uq_marketplace_event_message UNIQUE (channel, message_id),
    CONSTRAINT fk_marketplace_event_cloud FOREIGN KEY (cloud_account_id) REFERENCES cloud_account (id)
);

-- An account's history is replayed in time order whenever a message arrives.
CREATE INDEX ix_marketplace_event_cloud ON marketplace_event (cloud_account_id, occurred_at);

CREATE SEQUENCE notice_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE notice (
    id           BIGINT         NOT NULL,
    owner_id     BIGINT         NOT NULL,
    workspace_id BIGINT,
    language     VARCHAR(8)     NOT NULL,
    kind         VARCHAR(32)    NOT NULL,
    subject      VARCHAR(200)   NOT NULL,
    body         VARCHAR(2000)  NOT NULL,
    created_at   TIMESTAMP      NOT NULL,
    emailed_at   TIMESTAMP,
    CONSTRAINT pk_notice PRIMARY KEY (id),
    CONSTRAINT fk_notice_owner FOREIGN KEY (owner_id) REFERENCES billing_account (id),
    CONSTRAINT fk_notice_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id)
);

CREATE INDEX ix_notice_owner ON notice (owner_id, id);

-- The countdown job looks for locked workspaces whose 14 days are over.
CREATE INDEX ix_workspace_status_locked ON workspace (status, locked_at);
