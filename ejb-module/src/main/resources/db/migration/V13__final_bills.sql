-- Final monthly bills (issue "The customer's Billing Center", item 4). A month is in progress until
-- its close day (billing.bills.close-day of the next month, the 3rd by default); then its bill is
-- made final once and never changes: its lines are kept here, priced as they were, and its CSV is
-- kept as issued, so that every later download is the same bytes. Usage that arrives for a month
-- already final is billed in a later month, as lines of its own (usage_month says which month
-- they were used in). A unit price is kept as it was written (its text), an amount in the currency's
-- minor unit. Runs on H2 2.x and PostgreSQL 15 (largeText: CLOB on H2, TEXT on PostgreSQL).
CREATE SEQUENCE bill_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE bill (
    id            BIGINT        NOT NULL,
    owner_id      BIGINT        NOT NULL,
    bill_month    DATE          NOT NULL,
    finalized_at  TIMESTAMP     NOT NULL,
    csv           ${largeText}  NOT NULL,
    CONSTRAINT pk_bill PRIMARY KEY (id),
    CONSTRAINT uq_bill_owner_month UNIQUE (owner_id, bill_month),
    CONSTRAINT fk_bill_owner FOREIGN KEY (owner_id) REFERENCES billing_account (id)
);

CREATE TABLE bill_line (
    bill_id           BIGINT         NOT NULL,
    line_no           INTEGER        NOT NULL,
    usage_month       DATE           NOT NULL,
    workspace_id      BIGINT         NOT NULL,
    workspace_name    VARCHAR(100)   NOT NULL,
    site_code         VARCHAR(16)    NOT NULL,
    settlement_method VARCHAR(32)    NOT NULL,
    cloud_account_id  BIGINT,
    billing_item      VARCHAR(32)    NOT NULL,
    kind              VARCHAR(16)    NOT NULL,
    quantity          BIGINT         NOT NULL,
    unit_price        VARCHAR(32)    NOT NULL,
    amount            DECIMAL(19, 4) NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    CONSTRAINT pk_bill_line PRIMARY KEY (bill_id, line_no),
    CONSTRAINT fk_bill_line_bill FOREIGN KEY (bill_id) REFERENCES bill (id)
);

-- What was billed of a usage month, whichever bill billed it (the late lines of later bills).
CREATE INDEX ix_bill_line_usage_month ON bill_line (usage_month, bill_id);
