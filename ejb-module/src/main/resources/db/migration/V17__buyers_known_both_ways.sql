-- A buyer of a listing that predates licenses is resolved with both its license ARN and its
-- customer identifier (AWS Marketplace API reference, ResolveCustomer), and that listing's SNS
-- notifications name the customer identifier only (issue "Every AWS offer settles right", item 5):
-- the account keeps both, and messages naming either find it. Runs unchanged on H2 2.x and
-- PostgreSQL 15.
ALTER TABLE cloud_account ADD COLUMN license_alias VARCHAR(512);
CREATE UNIQUE INDEX uq_cloud_account_alias ON cloud_account (provider, license_alias);
