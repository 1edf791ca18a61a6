-- Operators and their tokens are numbered by sequences: two made at the same moment (on two
-- instances, or two requests) took the same MAX(id) + 1 and one failed its key. Past any id made
-- before. Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE SEQUENCE operator_account_seq START WITH 1000 INCREMENT BY 1;
CREATE SEQUENCE operator_token_seq START WITH 1000 INCREMENT BY 1;
