package dev.gatehouse.core.access;

import java.time.Instant;

/**
 * An sso-admin request that AWS runs in the background and clients poll by id: provisioning a permission set,
 * creating or deleting an account assignment. Gatehouse does the work at once and keeps the outcome, so the poll
 * answers {@link #SUCCEEDED} from the first call.
 *
 * @param accountId     the account, or null when a permission set was provisioned to all its accounts
 * @param principalType null when a permission set was provisioned
 * @param principalId   null when a permission set was provisioned
 */
public record ProvisioningRequest(String requestId, Kind kind, String status, String accountId,
                                  String permissionSetArn, PrincipalType principalType, String principalId,
                                  Instant createdAt) {

    public static final String SUCCEEDED = "SUCCEEDED";

    public enum Kind { PROVISION_PERMISSION_SET, CREATE_ACCOUNT_ASSIGNMENT, DELETE_ACCOUNT_ASSIGNMENT }
}
