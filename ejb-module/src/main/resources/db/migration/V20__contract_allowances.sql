-- Metering by pricing model (issue "Every AWS offer settles right", item 3): usage within the
-- units a contract bought is included, and only the rest is metered (a contract with consumption);
-- a contract's usage is never sent ("your application never sends metering records"). Runs
-- unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE metering_record ADD COLUMN included_quantity BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE metering_record ADD COLUMN agreement_id VARCHAR(64);
CREATE INDEX ix_metering_record_agreement ON metering_record (cloud_account_id, agreement_id);
ALTER TABLE metering_record DROP CONSTRAINT ck_metering_state;
ALTER TABLE metering_record ADD CONSTRAINT ck_metering_state CHECK (state IN
    ('PENDING', 'SENT', 'DUPLICATE', 'NOT_SUBSCRIBED', 'TOO_LATE', 'REFUSED', 'NOT_METERED'));
