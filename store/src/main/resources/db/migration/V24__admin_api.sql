-- The administration APIs (docs/admin-api.md): which account is the management account, whose permission sets'
-- role credentials may call them. NULL: the first account created. Not a foreign key, so deleting that account
-- leaves the choice to fall back to the default rather than failing.
ALTER TABLE instance ADD COLUMN management_account_id VARCHAR;

-- identitystore's GetUserId and GetGroupId look users and groups up by the external id SCIM provisioned them with.
CREATE INDEX ix_scim_user_external_ids_external_id ON scim_user_external_ids (external_id);
CREATE INDEX ix_scim_group_external_ids_external_id ON scim_group_external_ids (external_id);

-- identitystore's Addresses and PhoneNumbers of a user (JSON lists, at most one of each as the model allows).
CREATE TABLE user_contact_details (
    user_id        VARCHAR NOT NULL,
    addresses      VARCHAR NOT NULL,
    phone_numbers  VARCHAR NOT NULL,
    CONSTRAINT pk_user_contact_details PRIMARY KEY (user_id),
    CONSTRAINT fk_user_contact_details_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
