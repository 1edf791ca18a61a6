-- Usage beyond what a contract paid upfront bought (issue "Every AWS offer settles right", item 3):
-- AWS is sent nothing for such a contract ("your application never sends metering records"), so
-- the customer and the operators are told, once per agreement and dimension, from its first hour.
-- Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE contract_overage (
    agreement_id     VARCHAR(64)  NOT NULL,
    dimension        VARCHAR(64)  NOT NULL,
    cloud_account_id BIGINT       NOT NULL,
    first_hour       TIMESTAMP    NOT NULL,
    flagged_at       TIMESTAMP    NOT NULL,
    CONSTRAINT pk_contract_overage PRIMARY KEY (agreement_id, dimension)
);
