-- An hour before a future-dated agreement starts is its own state, no longer a contract's
-- "not metered": the usage is neither included in nor beyond any agreement (AWS provisions the
-- license only at the start; Seller Guide, future-dated offers). Records of the kind already kept
-- whose agreement is not a contract paid upfront can only be such hours; a contract's records
-- stay as they are. Runs unchanged on H2 2.x and PostgreSQL 15.
ALTER TABLE metering_record DROP CONSTRAINT ck_metering_state;
ALTER TABLE metering_record ADD CONSTRAINT ck_metering_state CHECK (state IN
    ('PENDING', 'SENT', 'DUPLICATE', 'NOT_SUBSCRIBED', 'TOO_LATE', 'REFUSED', 'NOT_METERED',
     'BEFORE_START'));
UPDATE metering_record SET state = 'BEFORE_START', version = version + 1
    WHERE state = 'NOT_METERED' AND NOT EXISTS (SELECT 1 FROM marketplace_agreement a
        WHERE a.agreement_id = metering_record.agreement_id AND a.pricing_model = 'CONTRACT');
