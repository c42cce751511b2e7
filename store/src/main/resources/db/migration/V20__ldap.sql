-- An LDAP directory as the identity source (docs/identity-sources.md). Its settings sit in the single
-- identity_source row; the bind account's password is sealed in sealed_client_secret. URLs are kept in failover
-- order, one per line.
ALTER TABLE identity_source ADD COLUMN ldap_urls VARCHAR;
ALTER TABLE identity_source ADD COLUMN ldap_transport VARCHAR;
ALTER TABLE identity_source ADD COLUMN ldap_trusted_ca_file VARCHAR;
ALTER TABLE identity_source ADD COLUMN ldap_bind_dn VARCHAR;
ALTER TABLE identity_source ADD COLUMN ldap_user_base_dn VARCHAR;
ALTER TABLE identity_source ADD COLUMN ldap_user_filter VARCHAR;
ALTER TABLE identity_source ADD COLUMN ldap_group_base_dn VARCHAR;
ALTER TABLE identity_source ADD COLUMN ldap_group_filter VARCHAR;
ALTER TABLE identity_source ADD COLUMN ldap_schema VARCHAR;

-- Which Gatehouse user or group each directory entry became (kind 'USER' or 'GROUP'), by the entry's stable id
-- (entryUUID, objectGUID), so renames in the directory follow and entries gone from it are found. No foreign key:
-- a group's id is not a user's; the sync mends a link whose user or group was deleted in Gatehouse.
CREATE TABLE directory_links (
    kind          VARCHAR NOT NULL,
    directory_id  VARCHAR NOT NULL,
    gatehouse_id  VARCHAR NOT NULL,
    CONSTRAINT pk_directory_links PRIMARY KEY (kind, directory_id)
);
