-- Signing in through an external SAML 2.0 identity provider (docs/identity-sources.md). Same conventions as V1:
-- instants as BIGINT epoch nanoseconds. The IdP's entity id is identity_source.issuer; its signing certificates
-- are base64 DER, one per line.
ALTER TABLE identity_source ADD COLUMN saml_sso_url VARCHAR;
ALTER TABLE identity_source ADD COLUMN saml_certificates VARCHAR;
ALTER TABLE identity_source ADD COLUMN saml_idp_initiated BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE identity_source ADD COLUMN saml_user_attribute VARCHAR;
ALTER TABLE identity_source ADD COLUMN saml_metadata_url VARCHAR;

-- Gatehouse's own SAML signing key, made once and published in its SP metadata: it outlives changes of the
-- identity source, so the IdP's copy of the SP metadata stays valid. The private key is sealed (SecretSealer).
CREATE TABLE saml_sp_key (
    key_id             INTEGER NOT NULL,
    sealed_private_key VARCHAR NOT NULL,
    certificate        VARCHAR NOT NULL,
    created_at         BIGINT  NOT NULL,
    CONSTRAINT pk_saml_sp_key PRIMARY KEY (key_id),
    CONSTRAINT ck_saml_sp_key_single CHECK (key_id = 1)
);

-- The AuthnRequests Gatehouse sent and not yet seen answered: a response's InResponseTo must name one, once.
CREATE TABLE saml_requests (
    request_id VARCHAR NOT NULL,
    expires_at BIGINT  NOT NULL,
    CONSTRAINT pk_saml_requests PRIMARY KEY (request_id)
);

-- Assertions already used, until they expire: the same assertion posted again is refused (replay).
CREATE TABLE saml_assertions (
    issuer       VARCHAR NOT NULL,
    assertion_id VARCHAR NOT NULL,
    expires_at   BIGINT  NOT NULL,
    CONSTRAINT pk_saml_assertions PRIMARY KEY (issuer, assertion_id)
);
