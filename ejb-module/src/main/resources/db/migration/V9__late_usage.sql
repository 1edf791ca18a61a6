-- Late usage is charged, never dropped (issue "Usage, metering and bills: nothing lost"). Usage that
-- comes after its hour closed (billing.usage.accept-for) is stored all the same and flagged late:
-- it is billed in its own hour, and metering carries it to the next hour it writes for the cloud
-- account that settled it (AWS keeps the first quantity of each hour, so an hour already metered
-- cannot take more). carried_to names that hour once it is written.
ALTER TABLE usage_record ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE usage_record ADD COLUMN carried_to TIMESTAMP;

-- Metering looks up the late rows not yet carried (few: the index keeps it from scanning the rest).
CREATE INDEX ix_usage_late ON usage_record (late, carried_to, workspace_id);

-- What a metering record holds of late usage: how much, and of which hours.
ALTER TABLE metering_record ADD COLUMN late_quantity BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE metering_record ADD COLUMN late_from TIMESTAMP;
ALTER TABLE metering_record ADD COLUMN late_until TIMESTAMP;
