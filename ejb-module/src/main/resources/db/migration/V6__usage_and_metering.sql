-- Usage reported by the sites, which settlement method paid for a workspace when, and the hourly
-- metering of AWS-settled usage (an outbox: each record is computed once, then sent until AWS has
-- answered it). Runs unchanged on H2 2.x and PostgreSQL 15.

-- One usage record as a site reported it. The site's own id makes a retry harmless: the key is
-- (site, id). No foreign key to the workspace: ingestion checks the workspaces of a batch at once,
-- and a key lookup per inserted row would halve its speed.
CREATE TABLE usage_record (
    site_code    VARCHAR(16)   NOT NULL,
    record_id    VARCHAR(64)   NOT NULL,
    workspace_id BIGINT        NOT NULL,
    billing_item VARCHAR(32)   NOT NULL,
    usage_hour   TIMESTAMP     NOT NULL,
    quantity     BIGINT        NOT NULL,
    received_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_usage_record PRIMARY KEY (site_code, record_id),
    CONSTRAINT ck_usage_quantity CHECK (quantity >= 0)
);

-- Metering sums an hour's usage; bills and the usage API read a workspace's hours.
CREATE INDEX ix_usage_hour ON usage_record (usage_hour, workspace_id);
CREATE INDEX ix_usage_workspace ON usage_record (workspace_id, usage_hour);

-- The settlement method of a workspace from a time on, until the workspace's next row. Usage of an
-- hour counts for the method in effect when the hour began.
CREATE SEQUENCE settlement_period_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE settlement_period (
    id                BIGINT       NOT NULL,
    workspace_id      BIGINT       NOT NULL,
    valid_from        TIMESTAMP    NOT NULL,
    settlement_method VARCHAR(32)  NOT NULL,
    cloud_account_id  BIGINT,
    CONSTRAINT pk_settlement_period PRIMARY KEY (id),
    CONSTRAINT fk_settlement_period_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id)
);

CREATE INDEX ix_settlement_period_workspace ON settlement_period (workspace_id, valid_from);
CREATE INDEX ix_settlement_period_cloud ON settlement_period (cloud_account_id, workspace_id);

-- The workspaces that exist already settle by their current method since it was chosen (or since
-- the hour they were created in). Their ids are negative, below any the sequence hands out.
INSERT INTO settlement_period (id, workspace_id, valid_from, settlement_method, cloud_account_id)
SELECT -id, id, COALESCE(settlement_changed_at, DATE_TRUNC('HOUR', created_at)), settlement_method,
       cloud_account_id
FROM workspace;

-- Metering of a cloud account starts with the hour it became active, and has been computed up to
-- (not including) metered_through.
ALTER TABLE cloud_account ADD COLUMN metering_from TIMESTAMP;
ALTER TABLE cloud_account ADD COLUMN metered_through TIMESTAMP;
UPDATE cloud_account SET metering_from = created_at WHERE status IN ('ACTIVE', 'ENDING');

-- One (cloud account, dimension, hour): its quantity is written once and never changes, so that
-- whoever sends it, however often, sends the same record.
CREATE SEQUENCE metering_record_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE metering_record (
    id                 BIGINT         NOT NULL,
    cloud_account_id   BIGINT         NOT NULL,
    dimension          VARCHAR(64)    NOT NULL,
    usage_hour         TIMESTAMP      NOT NULL,
    quantity           BIGINT         NOT NULL,
    computed_at        TIMESTAMP      NOT NULL,
    state              VARCHAR(24)    NOT NULL,
    attempts           INTEGER        NOT NULL,
    sent_at            TIMESTAMP,
    aws_status         VARCHAR(32),
    aws_record_id      VARCHAR(128),
    last_error         VARCHAR(500),
    final_flush        BOOLEAN        DEFAULT FALSE NOT NULL,
    version            BIGINT         NOT NULL,
    CONSTRAINT pk_metering_record PRIMARY KEY (id),
    CONSTRAINT uq_metering_record UNIQUE (cloud_account_id, dimension, usage_hour),
    CONSTRAINT fk_metering_record_cloud FOREIGN KEY (cloud_account_id) REFERENCES cloud_account (id),
    CONSTRAINT ck_metering_state CHECK (state IN
        ('PENDING', 'SENT', 'DUPLICATE', 'NOT_SUBSCRIBED', 'TOO_LATE', 'REFUSED'))
);

-- The sender takes pending records oldest first; the ledger lists an account's hours.
CREATE INDEX ix_metering_record_state ON metering_record (state, usage_hour, id);
CREATE INDEX ix_metering_record_ledger ON metering_record (cloud_account_id, usage_hour);

-- Which instance runs metering now: a row per job, held until expires_at.
CREATE TABLE job_lease (
    name       VARCHAR(32)   NOT NULL,
    holder     VARCHAR(128),
    expires_at TIMESTAMP     NOT NULL,
    CONSTRAINT pk_job_lease PRIMARY KEY (name)
);

INSERT INTO job_lease (name, holder, expires_at) VALUES ('metering', NULL, TIMESTAMP '2000-01-01 00:00:00');

-- What each metering run did, for operators.
CREATE SEQUENCE metering_run_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE metering_run (
    id              BIGINT        NOT NULL,
    holder          VARCHAR(128)  NOT NULL,
    started_at      TIMESTAMP     NOT NULL,
    finished_at     TIMESTAMP,
    hours_computed  INTEGER       NOT NULL,
    records_written INTEGER       NOT NULL,
    records_sent    INTEGER       NOT NULL,
    records_pending INTEGER       NOT NULL,
    records_flagged INTEGER       NOT NULL,
    calls           INTEGER       NOT NULL,
    outcome         VARCHAR(16)   NOT NULL,
    message         VARCHAR(500),
    CONSTRAINT pk_metering_run PRIMARY KEY (id)
);

CREATE INDEX ix_metering_run_started ON metering_run (started_at);
