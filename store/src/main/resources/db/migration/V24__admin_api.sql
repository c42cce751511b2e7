-- The administration APIs (docs/admin-api.md): which account is the management account, whose permission sets'
-- role credentials may call them. NULL: the first account created. Not a foreign key, so deleting that account
-- leaves the choice to fall back to the default rather than failing.
ALTER TABLE instance ADD COLUMN management_account_id VARCHAR;

-- identitystore's GetUserId and GetGroupId look users and groups up by the external id SCIM provisioned them with.
CREATE INDEX ix_scim_user_external_ids_external_id ON scim_user_external_ids (external_id);
CREATE INDEX ix_scim_group_external_ids_external_id ON scim_group_external_ids (external_id);
