-- Usage, metering and bills: nothing free after a lock, and bills from a roll-up (issue "Usage,
-- metering and bills: nothing lost, nothing free, bills fast at any size"). Runs unchanged on H2 2.x
-- and PostgreSQL 15.

-- What a settlement period's usage is:
--   SETTLED       paid by the period's method (the usual case);
--   UNSETTLED     used while the workspace was locked with no method (method 'none'): not charged
--                 yet, charged to the method that unlocks the workspace;
--   WHILE_LOCKED  such usage, charged to the method that unlocked the workspace (the period's
--                 method and cloud account are that method's);
--   WRITTEN_OFF   such usage of a workspace that became fully locked: charged to nobody.
-- An UNSETTLED period is resolved once, to WHILE_LOCKED or WRITTEN_OFF; no other period changes.
ALTER TABLE settlement_period ADD COLUMN kind VARCHAR(16) DEFAULT 'SETTLED' NOT NULL;
ALTER TABLE settlement_period ADD CONSTRAINT ck_settlement_period_kind
    CHECK (kind IN ('SETTLED', 'UNSETTLED', 'WHILE_LOCKED', 'WRITTEN_OFF'));

-- The 'none' period a locked workspace is in now is unsettled; earlier 'none' periods (of
-- workspaces since unlocked or fully locked) were charged to nobody.
UPDATE settlement_period SET kind = 'WRITTEN_OFF' WHERE settlement_method = 'none';
UPDATE settlement_period SET kind = 'UNSETTLED'
WHERE settlement_method = 'none'
  AND workspace_id IN (SELECT id FROM workspace WHERE status = 'LOCKED')
  AND NOT EXISTS (SELECT 1 FROM settlement_period q
                  WHERE q.workspace_id = settlement_period.workspace_id
                    AND (q.valid_from > settlement_period.valid_from
                         OR (q.valid_from = settlement_period.valid_from AND q.id > settlement_period.id)));

-- The roll-up bills read: a workspace's usage of one billing item on one UTC day under one
-- settlement period, kept at intake (one upsert per batch). The period's method, cloud account and
-- kind, and the workspace's owner and site, are copied here so that a bill reads no other table;
-- resolving an UNSETTLED period updates its rows. Each row is updated by every batch of its day,
-- so on PostgreSQL its pages keep room for the new versions (usageDayStorage is
-- "WITH (fillfactor = 50)" there, see SchemaMigrations): updates stay on the page (HOT) and the
-- table stays the size of its live rows instead of growing with every update.
CREATE TABLE usage_day (
    workspace_id      BIGINT       NOT NULL,
    billing_item      VARCHAR(32)  NOT NULL,
    usage_day         DATE         NOT NULL,
    period_id         BIGINT       NOT NULL,
    owner_id          BIGINT       NOT NULL,
    site_code         VARCHAR(16)  NOT NULL,
    settlement_method VARCHAR(32)  NOT NULL,
    cloud_account_id  BIGINT,
    kind              VARCHAR(16)  NOT NULL,
    quantity          BIGINT       NOT NULL,
    CONSTRAINT pk_usage_day PRIMARY KEY (workspace_id, billing_item, usage_day, period_id)
) ${usageDayStorage};

-- A bill or the daily chart reads one owner's days.
CREATE INDEX ix_usage_day_owner ON usage_day (owner_id, usage_day);
-- Resolving a period moves its rows.
CREATE INDEX ix_usage_day_period ON usage_day (period_id);

INSERT INTO usage_day (workspace_id, billing_item, usage_day, period_id, owner_id, site_code,
                       settlement_method, cloud_account_id, kind, quantity)
SELECT u.workspace_id, u.billing_item, CAST(u.usage_hour AS DATE), p.id, w.owner_id, w.site_code,
       p.settlement_method, p.cloud_account_id, p.kind, SUM(u.quantity)
FROM usage_record u
JOIN workspace w ON w.id = u.workspace_id
JOIN settlement_period p ON p.workspace_id = u.workspace_id
WHERE p.valid_from <= u.usage_hour
  AND NOT EXISTS (SELECT 1 FROM settlement_period q
                  WHERE q.workspace_id = p.workspace_id AND q.valid_from <= u.usage_hour
                    AND (q.valid_from > p.valid_from OR (q.valid_from = p.valid_from AND q.id > p.id)))
GROUP BY u.workspace_id, u.billing_item, CAST(u.usage_hour AS DATE), p.id, w.owner_id, w.site_code,
         p.settlement_method, p.cloud_account_id, p.kind;
