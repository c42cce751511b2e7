-- The hashes of each user's latest passwords, so that a new password cannot be one of them (docs/security.md,
-- "Passwords"). Same conventions as V1: instants as BIGINT epoch nanoseconds.
--
-- generation counts a user's passwords from 1; the newest is the highest, and only the newest few rows are kept.
-- A password set before this table existed is only in users.password_hash, which is checked as well.
CREATE TABLE password_history (
    user_id        VARCHAR NOT NULL,
    generation     INTEGER NOT NULL,
    password_hash  VARCHAR NOT NULL,
    set_at         BIGINT  NOT NULL,
    CONSTRAINT pk_password_history PRIMARY KEY (user_id, generation),
    CONSTRAINT fk_password_history_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
