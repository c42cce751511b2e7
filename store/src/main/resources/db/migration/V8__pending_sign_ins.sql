-- MFA at sign-in. Same conventions as V1: instants as BIGINT epoch nanoseconds. Both hold only the SHA-256 of the
-- random value the browser keeps in a cookie, and go with their user.
--
-- pending_sign_ins: a right password waiting for its second factor (or for the user to enrol one), for a few
-- minutes; deleted when it completes, so it completes once.
CREATE TABLE pending_sign_ins (
    secret_hash  VARCHAR NOT NULL,
    user_id      VARCHAR NOT NULL,
    purpose      VARCHAR NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    CONSTRAINT pk_pending_sign_ins PRIMARY KEY (secret_hash),
    CONSTRAINT fk_pending_sign_ins_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX ix_pending_sign_ins_expires_at ON pending_sign_ins (expires_at);

-- remembered_browsers: context-aware MFA lets these skip the second factor until they expire. binding is a hash
-- of the user's password hash and confirmed devices when remembered: after a new password or a device change it
-- no longer matches, and the browser is asked again.
CREATE TABLE remembered_browsers (
    secret_hash  VARCHAR NOT NULL,
    user_id      VARCHAR NOT NULL,
    binding      VARCHAR NOT NULL,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    CONSTRAINT pk_remembered_browsers PRIMARY KEY (secret_hash),
    CONSTRAINT fk_remembered_browsers_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX ix_remembered_browsers_expires_at ON remembered_browsers (expires_at);
