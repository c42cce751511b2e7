-- sso-admin's asynchronous requests (docs/admin-api.md): ProvisionPermissionSet, CreateAccountAssignment and
-- DeleteAccountAssignment answer a request id that clients poll. Gatehouse does the work at once and keeps the
-- outcome here, written in the same transaction as the change. No foreign keys: a request's status outlives the
-- permission set, account or principal it named.
CREATE TABLE provisioning_requests (
    request_id          VARCHAR(36) NOT NULL,
    kind                VARCHAR(32) NOT NULL,
    status              VARCHAR(16) NOT NULL,
    account_id          VARCHAR(12),
    permission_set_arn  VARCHAR NOT NULL,
    principal_type      VARCHAR(8),
    principal_id        VARCHAR,
    created_at          BIGINT NOT NULL,
    CONSTRAINT pk_provisioning_requests PRIMARY KEY (request_id)
);
-- The status lists page through one kind by request id.
CREATE INDEX ix_provisioning_requests_kind ON provisioning_requests (kind, request_id);
