-- ListAccountsForProvisionedPermissionSet pages a set's accounts in account order. With the set's index alone that
-- meant reading every assignment of the set, or probing every account (30,000 at benchmark scale) for it.
CREATE INDEX ix_account_assignments_permission_set_account ON account_assignments (permission_set_arn, account_id);
