-- Spend alerts and budgets (issue "A customer is a team", item 3): per account, workspace or
-- billing item, a daily or monthly amount in one currency; the owner is told once per period at
-- 80 % and once when the cost so far passes it (the last alert's period and level, so that two
-- instances or two runs never tell twice). Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE SEQUENCE budget_seq START WITH 1000 INCREMENT BY 1;

CREATE TABLE budget (
    id                BIGINT          NOT NULL,
    account_id        BIGINT          NOT NULL,
    workspace_id      BIGINT,
    billing_item      VARCHAR(64),
    period            VARCHAR(8)      NOT NULL,
    amount            DECIMAL(19, 4)  NOT NULL,
    currency          VARCHAR(3)      NOT NULL,
    created_at        TIMESTAMP       NOT NULL,
    alerted_period    DATE,
    alerted_level     INTEGER,
    CONSTRAINT pk_budget PRIMARY KEY (id),
    CONSTRAINT fk_budget_account FOREIGN KEY (account_id) REFERENCES billing_account (id),
    CONSTRAINT fk_budget_workspace FOREIGN KEY (workspace_id) REFERENCES workspace (id)
);

CREATE INDEX ix_budget_account ON budget (account_id, id);
