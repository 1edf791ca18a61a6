-- Failed sign-ins per user name and per address, so that guessing passwords is slowed down on every
-- instance alike. Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE login_throttle (
    throttle_key  VARCHAR(300)  NOT NULL,
    failures      INTEGER       NOT NULL,
    window_start  TIMESTAMP     NOT NULL,
    blocked_until TIMESTAMP,
    version       BIGINT        NOT NULL,
    CONSTRAINT pk_login_throttle PRIMARY KEY (throttle_key)
);
