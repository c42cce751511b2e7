-- Just-in-time provisioning and the provider's MFA (docs/identity-sources.md): the claim that lists a person's
-- groups, and whether a sign-in must show a second factor at the provider (amr, or an acr among the listed ones,
-- space-separated as OIDC's acr_values).
ALTER TABLE identity_source ADD COLUMN groups_claim VARCHAR;
ALTER TABLE identity_source ADD COLUMN require_idp_mfa BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE identity_source ADD COLUMN mfa_acr_values VARCHAR;
