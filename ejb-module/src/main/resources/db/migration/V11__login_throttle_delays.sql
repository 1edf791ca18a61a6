-- Sign-in throttling, round two: a user name is no longer blocked but made to wait a growing delay
-- between attempts (next_attempt_at); the hard limits are per (name, address) pair and per address,
-- and the keys also say which addresses a name signed in from. Runs on H2 2.x and PostgreSQL 15.
ALTER TABLE login_throttle ADD COLUMN next_attempt_at TIMESTAMP;
-- The old per-name counts were hard blocks; they would otherwise be read as delays.
DELETE FROM login_throttle WHERE throttle_key LIKE 'name:%';
