-- The administration APIs (docs/admin-api.md): which account is the management account, whose permission sets'
-- role credentials may call them. NULL: the first account created. Not a foreign key, so deleting that account
-- leaves the choice to fall back to the default rather than failing.
ALTER TABLE instance ADD COLUMN management_account_id VARCHAR;
