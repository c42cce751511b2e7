-- Second factors of users (authenticator apps now; security keys and passkeys later). Same conventions
-- as V1: instants as BIGINT epoch nanoseconds, case-insensitive names unique through a lower-case copy.
--
-- sealed_secret is the TOTP secret AES-GCM-sealed under the instance's sealing key (never in clear).
-- last_used_step is the newest TOTP time step accepted (-1: none yet); it only ever grows, by a conditional
-- UPDATE, so a code cannot be used twice.
CREATE TABLE mfa_devices (
    device_id       VARCHAR NOT NULL,
    user_id         VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    name            VARCHAR NOT NULL,
    name_lc         VARCHAR NOT NULL,
    sealed_secret   VARCHAR NOT NULL,
    last_used_step  BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    confirmed_at    BIGINT,
    CONSTRAINT pk_mfa_devices PRIMARY KEY (device_id),
    CONSTRAINT fk_mfa_devices_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uq_mfa_devices_user_name_lc ON mfa_devices (user_id, name_lc);
