-- The identity source (docs/identity-sources.md): at most one row; none means the built-in directory. Same
-- conventions as V1: instants as BIGINT epoch nanoseconds. The OIDC client secret is sealed (SecretSealer).
CREATE TABLE identity_source (
    source_id            INTEGER NOT NULL,
    kind                 VARCHAR NOT NULL,
    issuer               VARCHAR,
    client_id            VARCHAR,
    sealed_client_secret VARCHAR,
    user_claim           VARCHAR,
    provisioning         VARCHAR,
    updated_at           BIGINT  NOT NULL,
    CONSTRAINT pk_identity_source PRIMARY KEY (source_id),
    CONSTRAINT ck_identity_source_single CHECK (source_id = 1)
);
