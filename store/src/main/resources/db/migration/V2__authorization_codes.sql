-- Authorization codes of the PKCE browser login (RFC 6749 §4.1, RFC 7636). Same conventions as V1:
-- instants as BIGINT epoch nanoseconds, lists as JSON text.
--
-- Only the code's SHA-256 is kept. No foreign keys, as for device authorizations: a code lives for
-- minutes, and session_id is set only when it is redeemed.
CREATE TABLE authorization_codes (
    code_hash       VARCHAR NOT NULL,
    client_id       VARCHAR NOT NULL,
    user_id         VARCHAR NOT NULL,
    redirect_uri    VARCHAR NOT NULL,
    code_challenge  VARCHAR NOT NULL,
    scopes          VARCHAR NOT NULL,
    created_at      BIGINT  NOT NULL,
    expires_at      BIGINT  NOT NULL,
    used_at         BIGINT,
    session_id      VARCHAR,
    CONSTRAINT pk_authorization_codes PRIMARY KEY (code_hash)
);
