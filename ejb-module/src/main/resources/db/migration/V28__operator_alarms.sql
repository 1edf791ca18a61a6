-- The operators' alarms (issue "The operators' Billing Center", item 3): one row per gauge, raised
-- when the gauge passes its threshold and cleared when it is back, each change mailed to the
-- operators once, by whichever instance changed the row. Notices are counted by their time for the
-- failed-mails gauge. Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE operator_alarm (
    name            VARCHAR(64)  NOT NULL,
    raised_at       TIMESTAMP,
    cleared_at      TIMESTAMP,
    raised_value    BIGINT,
    raise_mailed_at TIMESTAMP,
    clear_mailed_at TIMESTAMP,
    CONSTRAINT pk_operator_alarm PRIMARY KEY (name)
);
INSERT INTO operator_alarm (name) VALUES ('billing_metering_oldest_pending_age_seconds');
INSERT INTO operator_alarm (name) VALUES ('billing_metering_records_past_half_window');
INSERT INTO operator_alarm (name) VALUES ('billing_metering_too_late_records_last_day');
INSERT INTO operator_alarm (name) VALUES ('billing_lifecycle_events_waiting_over_an_hour');
INSERT INTO operator_alarm (name) VALUES ('billing_bills_not_final_a_day_after_close');
INSERT INTO operator_alarm (name) VALUES ('billing_mails_failed_last_day');
CREATE INDEX ix_notice_created ON notice (created_at);
