-- A login e-mail address is confirmed by a mailed link before a password reset may use it (issue
-- "Security and money, round three"). Runs unchanged on H2 2.x and PostgreSQL 15.

-- When the account's login e-mail address was confirmed; null until then. Accounts made before
-- this version keep working as they did: their address counts as confirmed at their creation
-- (docs/security.md).
ALTER TABLE billing_account ADD COLUMN login_verified_at TIMESTAMP;
UPDATE billing_account SET login_verified_at = created_at WHERE login_account LIKE '%@%';

-- The link that confirms it.
ALTER TABLE mailed_link DROP CONSTRAINT ck_mailed_link_purpose;
ALTER TABLE mailed_link ADD CONSTRAINT ck_mailed_link_purpose
    CHECK (purpose IN ('PASSWORD_RESET', 'LOCK_PAGE', 'VERIFY_EMAIL'));
