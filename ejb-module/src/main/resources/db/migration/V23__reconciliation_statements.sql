-- A reconciliation statement per AWS cloud account and month (issue "Every AWS offer settles right",
-- item 7): every metered hour and dimension with AWS's MeteringRecordId and status, the workspaces
-- it was allocated to, the agreement and price that priced it, included and metered units, and the
-- total. Once the month is final (the bills' close day) its CSV is kept here as issued, and every
-- later download is the same bytes. Runs on H2 2.x and PostgreSQL 15 (largeText: CLOB on H2, TEXT on
-- PostgreSQL).
CREATE TABLE reconciliation (
    cloud_account_id BIGINT        NOT NULL,
    statement_month  DATE          NOT NULL,
    finalized_at     TIMESTAMP     NOT NULL,
    csv              ${largeText}  NOT NULL,
    CONSTRAINT pk_reconciliation PRIMARY KEY (cloud_account_id, statement_month),
    CONSTRAINT fk_reconciliation_cloud FOREIGN KEY (cloud_account_id) REFERENCES cloud_account (id)
);
