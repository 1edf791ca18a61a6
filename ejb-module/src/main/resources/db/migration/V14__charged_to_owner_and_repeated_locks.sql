-- Nothing free, nothing repeatable (issue "Security and money, round three"). Runs unchanged on H2
-- 2.x and PostgreSQL 15.

-- CHARGED_TO_OWNER: usage of a lock's countdown that no unlocking method paid for (the countdown
-- ended, or the owner dissolved the workspace), charged to the owner's Billing Center account (the
-- period's method becomes 'billing-center'). Usage written off before this version stays
-- WRITTEN_OFF.
ALTER TABLE settlement_period DROP CONSTRAINT ck_settlement_period_kind;
ALTER TABLE settlement_period ADD CONSTRAINT ck_settlement_period_kind
    CHECK (kind IN ('SETTLED', 'UNSETTLED', 'WHILE_LOCKED', 'WRITTEN_OFF', 'CHARGED_TO_OWNER'));

-- A workspace locked again by the end of its AWS settlement within the repeat window
-- (billing.workspace.repeat-lock-window) takes no usage while locked, until it is unlocked.
ALTER TABLE workspace ADD COLUMN usage_stopped BOOLEAN DEFAULT FALSE NOT NULL;
