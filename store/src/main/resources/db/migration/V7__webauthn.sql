-- Security keys and passkeys (WebAuthn) are rows of mfa_devices with kind WEBAUTHN: sealed_secret holds the
-- sealed attested credential data (credential id, AAGUID, COSE public key), and last_used_step the
-- authenticator's signature counter, which only ever grows, by the same conditional UPDATE as a TOTP step.
-- Same conventions as V1: instants as BIGINT epoch nanoseconds.

-- The user handle WebAuthn stores with a passkey: random, stable per user, unrelated to the user's id or name.
CREATE TABLE webauthn_user_handles (
    user_id      VARCHAR NOT NULL,
    user_handle  VARCHAR NOT NULL,
    CONSTRAINT pk_webauthn_user_handles PRIMARY KEY (user_id),
    CONSTRAINT uq_webauthn_user_handles_handle UNIQUE (user_handle),
    CONSTRAINT fk_webauthn_user_handles_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);

-- Challenges handed out and not yet answered, by the SHA-256 of the challenge (a row alone cannot answer one).
-- A challenge is used up by deleting its row: of two answers racing, one deletes it and the other finds nothing.
CREATE TABLE webauthn_challenges (
    challenge_hash  VARCHAR NOT NULL,
    user_id         VARCHAR NOT NULL,
    ceremony        VARCHAR NOT NULL,
    expires_at      BIGINT  NOT NULL,
    CONSTRAINT pk_webauthn_challenges PRIMARY KEY (challenge_hash),
    CONSTRAINT fk_webauthn_challenges_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX ix_webauthn_challenges_expires_at ON webauthn_challenges (expires_at);
