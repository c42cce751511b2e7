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
