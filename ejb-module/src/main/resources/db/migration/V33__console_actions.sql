-- The operators' console's actions (issue "The operators' Billing Center", item 2). Runs unchanged
-- on H2 2.x and PostgreSQL 15.

-- A lock's countdown ends at a time of its own, so that an operator can extend it (with a reason,
-- audited); a lock starts it at 14 days.
ALTER TABLE workspace ADD COLUMN countdown_ends_at TIMESTAMP;
UPDATE workspace SET countdown_ends_at = locked_at + INTERVAL '14' DAY WHERE locked_at IS NOT NULL;
CREATE INDEX ix_workspace_status_countdown ON workspace (status, countdown_ends_at);

-- A lifecycle message keeps its body as it came (at most 256 KiB, the endpoints' limit), so that an
-- operator can read it, replay it through the current reader, or discard it while it waits.
ALTER TABLE marketplace_event ADD COLUMN raw_body ${largeText};
ALTER TABLE marketplace_event ADD COLUMN discarded_at TIMESTAMP;
ALTER TABLE marketplace_event ADD COLUMN discarded_by VARCHAR(64);

-- A message that came with the endpoint's secret (or SNS's signature) and was refused as malformed:
-- kept with its body and why, until an operator replays or discards it. Requests without the
-- secret are not kept (anyone can send them).
CREATE SEQUENCE refused_event_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE refused_event (
    id           BIGINT          NOT NULL,
    channel      VARCHAR(16)     NOT NULL,
    provider     VARCHAR(32)     NOT NULL,
    received_at  TIMESTAMP       NOT NULL,
    reason       VARCHAR(500)    NOT NULL,
    raw_body     ${largeText}    NOT NULL,
    settled_at   TIMESTAMP,
    settled_by   VARCHAR(64),
    settled_as   VARCHAR(200),
    CONSTRAINT pk_refused_event PRIMARY KEY (id)
);

CREATE INDEX ix_refused_event_received ON refused_event (received_at);

-- Why an owner's bill of a month is not made final (blocked), as the last closing attempt found it:
-- a billing item without a price in a currency. Rows of a bill made final since are no longer read.
CREATE TABLE bill_blocked (
    owner_id      BIGINT        NOT NULL,
    bill_month    DATE          NOT NULL,
    billing_item  VARCHAR(64)   NOT NULL,
    currency      VARCHAR(3)    NOT NULL,
    unpriced      INTEGER       NOT NULL,
    seen_at       TIMESTAMP     NOT NULL,
    CONSTRAINT pk_bill_blocked PRIMARY KEY (owner_id, bill_month)
);

-- A workspace's currency, switched by the product's staff on the customer's request from a month on
-- (the next one: a month's bill is in one currency per workspace); before the first switch, and
-- for the months before it, the site's currency.
CREATE TABLE workspace_currency (
    workspace_id  BIGINT        NOT NULL,
    from_month    DATE          NOT NULL,
    currency      VARCHAR(3)    NOT NULL,
    switched_at   TIMESTAMP     NOT NULL,
    CONSTRAINT pk_workspace_currency PRIMARY KEY (workspace_id, from_month),
    CONSTRAINT fk_workspace_currency_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id)
);
