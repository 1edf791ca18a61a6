-- The buyer's AWS bill split by workspace (issue "Every AWS offer settles right", item 6): each
-- metering record's hour of usage per workspace and site, sent as UsageAllocations tagged with
-- them. Late usage carried into a record and what a contract included are not split: the rest of
-- the record goes untagged. Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE metering_allocation (
    cloud_account_id BIGINT       NOT NULL,
    dimension        VARCHAR(64)  NOT NULL,
    usage_hour       TIMESTAMP    NOT NULL,
    workspace_id     BIGINT       NOT NULL,
    site_code        VARCHAR(16)  NOT NULL,
    quantity         BIGINT       NOT NULL,
    CONSTRAINT pk_metering_allocation
        PRIMARY KEY (cloud_account_id, dimension, usage_hour, workspace_id, site_code)
);
