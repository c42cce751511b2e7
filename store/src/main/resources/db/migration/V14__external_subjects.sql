-- Which Gatehouse user each subject of an external provider signed in as (docs/identity-sources.md,
-- back-channel logout): the provider's logout token names only its own issuer and subject. A user's rows go with
-- the user. Same conventions as V1: instants as BIGINT epoch nanoseconds.
CREATE TABLE external_subjects (
    issuer          VARCHAR NOT NULL,
    subject         VARCHAR NOT NULL,
    user_id         VARCHAR NOT NULL,
    last_sign_in    BIGINT  NOT NULL,
    CONSTRAINT pk_external_subjects PRIMARY KEY (issuer, subject),
    CONSTRAINT fk_external_subjects_user FOREIGN KEY (user_id) REFERENCES users (user_id) ON DELETE CASCADE
);
