-- Attributes for access control (docs/authorization.md) and the credentials services call the authorization API
-- with. Same conventions as V1: instants as BIGINT epoch nanoseconds.

-- Each user's attributes that can become principal tags (department, costCenter, ...), one row per attribute.
CREATE TABLE user_attributes (
    user_id         VARCHAR NOT NULL,
    attribute_name  VARCHAR NOT NULL,
    attribute_value VARCHAR NOT NULL,
    CONSTRAINT pk_user_attributes PRIMARY KEY (user_id, attribute_name),
    CONSTRAINT fk_user_attributes_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);

-- The instance's mapping "principal tag key <- user attribute" (AWS: attributes for access control).
CREATE TABLE access_control_attributes (
    tag_key         VARCHAR NOT NULL,
    attribute_name  VARCHAR NOT NULL,
    CONSTRAINT pk_access_control_attributes PRIMARY KEY (tag_key)
);

-- sealed_secret: the secret access key sealed under the sealing keys (SigV4 needs the secret, not a hash).
CREATE TABLE service_credentials (
    access_key_id   VARCHAR NOT NULL,
    name            VARCHAR NOT NULL,
    name_lc         VARCHAR NOT NULL,
    sealed_secret   VARCHAR NOT NULL,
    created_at      BIGINT  NOT NULL,
    CONSTRAINT pk_service_credentials PRIMARY KEY (access_key_id)
);
CREATE UNIQUE INDEX uq_service_credentials_name_lc ON service_credentials (name_lc);
