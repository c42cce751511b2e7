-- What a service credential may do through the administration APIs (docs/admin-api.md), decided by the policy
-- engine. managed_policies: AWS managed policy names, comma-separated; inline_policy: a policy document. Both null
-- (every credential created before) allows nothing there, so old credentials gain no new power.
ALTER TABLE service_credentials ADD COLUMN managed_policies VARCHAR;
ALTER TABLE service_credentials ADD COLUMN inline_policy VARCHAR;
