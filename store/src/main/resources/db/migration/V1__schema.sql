-- Portable SQL: the same file runs on H2 2.x (plain mode) and PostgreSQL.
--
-- Conventions:
--   * Instants are BIGINT epoch nanoseconds. Both databases' timestamps stop at microseconds while
--     Instant.now() carries nanoseconds; nanoseconds round-trip every Instant between 1677 and 2262.
--   * Durations are BIGINT seconds.
--   * Lists and maps are JSON text.
--   * A *_lc column holds the lower-cased name; case-insensitive uniqueness, lookup and ordering use it.
--   * Unique keys are named unique indexes (not constraints) so that both databases name them in
--     their error messages, which is how the repositories tell which key was taken.
--   * No TEXT/CLOB: unbounded VARCHAR is portable and stays a plain string on H2.

CREATE TABLE instance (
    singleton          INTEGER DEFAULT 1 NOT NULL,
    instance_arn       VARCHAR NOT NULL,
    identity_store_id  VARCHAR NOT NULL,
    region             VARCHAR NOT NULL,
    portal_url         VARCHAR NOT NULL,
    start_url_aliases  VARCHAR NOT NULL,
    created_at         BIGINT  NOT NULL,
    CONSTRAINT pk_instance PRIMARY KEY (singleton),
    CONSTRAINT ck_instance_single_row CHECK (singleton = 1)
);

CREATE TABLE sealing_keys (
    key_id      INTEGER NOT NULL,
    secret      BYTEA   NOT NULL,
    created_at  BIGINT  NOT NULL,
    CONSTRAINT pk_sealing_keys PRIMARY KEY (key_id)
);

CREATE TABLE users (
    user_id        VARCHAR NOT NULL,
    user_name      VARCHAR NOT NULL,
    user_name_lc   VARCHAR NOT NULL,
    display_name   VARCHAR,
    given_name     VARCHAR,
    family_name    VARCHAR,
    email          VARCHAR,
    status         VARCHAR NOT NULL,
    administrator  BOOLEAN NOT NULL,
    password_hash  VARCHAR,
    created_at     BIGINT  NOT NULL,
    updated_at     BIGINT,
    CONSTRAINT pk_users PRIMARY KEY (user_id)
);
-- Also the keyset-pagination index of users ordered by name.
CREATE UNIQUE INDEX uq_users_user_name_lc ON users (user_name_lc);

-- "groups" is a keyword in H2.
CREATE TABLE directory_groups (
    group_id         VARCHAR NOT NULL,
    display_name     VARCHAR NOT NULL,
    display_name_lc  VARCHAR NOT NULL,
    description      VARCHAR,
    created_at       BIGINT  NOT NULL,
    CONSTRAINT pk_directory_groups PRIMARY KEY (group_id)
);
CREATE UNIQUE INDEX uq_directory_groups_display_name_lc ON directory_groups (display_name_lc);

CREATE TABLE group_memberships (
    membership_id  VARCHAR NOT NULL,
    group_id       VARCHAR NOT NULL,
    user_id        VARCHAR NOT NULL,
    CONSTRAINT pk_group_memberships PRIMARY KEY (membership_id),
    CONSTRAINT fk_group_memberships_group FOREIGN KEY (group_id) REFERENCES directory_groups (group_id) ON DELETE CASCADE,
    CONSTRAINT fk_group_memberships_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uq_group_memberships_group_user ON group_memberships (group_id, user_id);
CREATE INDEX ix_group_memberships_user_group ON group_memberships (user_id, group_id);

CREATE TABLE accounts (
    account_id  VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    email       VARCHAR,
    created_at  BIGINT  NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (account_id)
);
CREATE UNIQUE INDEX uq_accounts_name ON accounts (name);

CREATE TABLE permission_sets (
    permission_set_arn        VARCHAR NOT NULL,
    name                      VARCHAR NOT NULL,
    name_lc                   VARCHAR NOT NULL,
    description               VARCHAR,
    session_duration_seconds  BIGINT  NOT NULL,
    managed_policies          VARCHAR NOT NULL,
    inline_policy             VARCHAR,
    relay_state               VARCHAR,
    tags                      VARCHAR NOT NULL,
    role_suffix               VARCHAR NOT NULL,
    created_at                BIGINT  NOT NULL,
    CONSTRAINT pk_permission_sets PRIMARY KEY (permission_set_arn)
);
CREATE UNIQUE INDEX uq_permission_sets_name_lc ON permission_sets (name_lc);

-- principal_id names a user or a group, so it has no foreign key: deleting a user or group removes
-- its assignments explicitly.
CREATE TABLE account_assignments (
    account_id          VARCHAR NOT NULL,
    permission_set_arn  VARCHAR NOT NULL,
    principal_type      VARCHAR NOT NULL,
    principal_id        VARCHAR NOT NULL,
    CONSTRAINT pk_account_assignments PRIMARY KEY (account_id, permission_set_arn, principal_type, principal_id),
    CONSTRAINT fk_account_assignments_account FOREIGN KEY (account_id) REFERENCES accounts (account_id) ON DELETE CASCADE,
    CONSTRAINT fk_account_assignments_permission_set FOREIGN KEY (permission_set_arn) REFERENCES permission_sets (permission_set_arn) ON DELETE CASCADE
);
-- What a principal holds, account by account: serves the direct and the group-based lookups.
CREATE INDEX ix_account_assignments_principal ON account_assignments (principal_type, principal_id, account_id, permission_set_arn);
CREATE INDEX ix_account_assignments_permission_set ON account_assignments (permission_set_arn);

CREATE TABLE client_registrations (
    client_id      VARCHAR NOT NULL,
    secret_hash    VARCHAR NOT NULL,
    client_name    VARCHAR,
    client_type    VARCHAR,
    scopes         VARCHAR NOT NULL,
    grant_types    VARCHAR NOT NULL,
    redirect_uris  VARCHAR NOT NULL,
    issuer_url     VARCHAR,
    issued_at      BIGINT  NOT NULL,
    expires_at     BIGINT  NOT NULL,
    CONSTRAINT pk_client_registrations PRIMARY KEY (client_id)
);

CREATE TABLE device_authorizations (
    device_code_hash  VARCHAR NOT NULL,
    user_code         VARCHAR NOT NULL,
    client_id         VARCHAR,
    start_url         VARCHAR,
    status            VARCHAR NOT NULL,
    approved_user_id  VARCHAR,
    interval_seconds  INTEGER NOT NULL,
    created_at        BIGINT  NOT NULL,
    expires_at        BIGINT  NOT NULL,
    CONSTRAINT pk_device_authorizations PRIMARY KEY (device_code_hash)
);
CREATE UNIQUE INDEX uq_device_authorizations_user_code ON device_authorizations (user_code);

-- No foreign key to users: sessions are revoked, never deleted, and stay as history of who signed in.
CREATE TABLE sessions (
    session_id   VARCHAR NOT NULL,
    secret_hash  VARCHAR,
    kind         VARCHAR NOT NULL,
    user_id      VARCHAR NOT NULL,
    client_id    VARCHAR,
    csrf_token   VARCHAR,
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    revoked_at   BIGINT,
    CONSTRAINT pk_sessions PRIMARY KEY (session_id)
);
CREATE UNIQUE INDEX uq_sessions_secret_hash ON sessions (secret_hash);
CREATE INDEX ix_sessions_user ON sessions (user_id, expires_at);

CREATE TABLE issued_tokens (
    token_hash  VARCHAR NOT NULL,
    token_type  VARCHAR NOT NULL,
    session_id  VARCHAR NOT NULL,
    client_id   VARCHAR,
    issued_at   BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    CONSTRAINT pk_issued_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_issued_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (session_id) ON DELETE CASCADE
);
CREATE INDEX ix_issued_tokens_session ON issued_tokens (session_id);

CREATE TABLE activation_links (
    token_hash  VARCHAR NOT NULL,
    user_id     VARCHAR NOT NULL,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL,
    used_at     BIGINT,
    CONSTRAINT pk_activation_links PRIMARY KEY (token_hash),
    CONSTRAINT fk_activation_links_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
CREATE INDEX ix_activation_links_user ON activation_links (user_id);

CREATE TABLE audit_events (
    event_id            VARCHAR NOT NULL,
    event_time          BIGINT  NOT NULL,
    event_source        VARCHAR,
    event_name          VARCHAR NOT NULL,
    user_name           VARCHAR,
    user_name_lc        VARCHAR,
    user_identity       VARCHAR NOT NULL,
    source_ip_address   VARCHAR,
    user_agent          VARCHAR,
    request_parameters  VARCHAR NOT NULL,
    response_elements   VARCHAR NOT NULL,
    error_code          VARCHAR,
    error_message       VARCHAR,
    request_id          VARCHAR,
    CONSTRAINT pk_audit_events PRIMARY KEY (event_id)
);
-- Newest first, optionally narrowed by user or event name; event_id breaks ties in the same nanosecond.
CREATE INDEX ix_audit_events_time ON audit_events (event_time, event_id);
CREATE INDEX ix_audit_events_user_time ON audit_events (user_name_lc, event_time, event_id);
CREATE INDEX ix_audit_events_name_time ON audit_events (event_name, event_time, event_id);
