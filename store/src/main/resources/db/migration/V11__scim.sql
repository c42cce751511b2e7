-- SCIM provisioning (docs/scim.md): the bearer tokens identity providers call with, and the providers' own ids
-- of the users and groups they provisioned. Same conventions as V1: instants as BIGINT epoch nanoseconds.

-- token_hash: SHA-256 of the token (hex); the token itself is shown once and never stored.
CREATE TABLE scim_tokens (
    token_id        VARCHAR NOT NULL,
    token_hash      VARCHAR NOT NULL,
    created_at      BIGINT  NOT NULL,
    expires_at      BIGINT  NOT NULL,
    CONSTRAINT pk_scim_tokens PRIMARY KEY (token_id)
);
CREATE UNIQUE INDEX uq_scim_tokens_hash ON scim_tokens (token_hash);

-- One table per kind, so each row goes with its user or group (a foreign key cannot point at either).
CREATE TABLE scim_user_external_ids (
    user_id         VARCHAR NOT NULL,
    external_id     VARCHAR NOT NULL,
    CONSTRAINT pk_scim_user_external_ids PRIMARY KEY (user_id),
    CONSTRAINT fk_scim_user_external_ids_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);

CREATE TABLE scim_group_external_ids (
    group_id        VARCHAR NOT NULL,
    external_id     VARCHAR NOT NULL,
    CONSTRAINT pk_scim_group_external_ids PRIMARY KEY (group_id),
    CONSTRAINT fk_scim_group_external_ids_group FOREIGN KEY (group_id) REFERENCES directory_groups (group_id)
        ON DELETE CASCADE
);
