package dev.gatehouse.core.access;

import java.util.List;

public interface AssignmentRepository {

    /** The same (account, permission set, principal) twice fails with DomainError.AlreadyExists. */
    void insert(AccountAssignment assignment);

    /** Returns whether an assignment was removed. */
    boolean delete(AccountAssignment assignment);

    /** Assignments of one account, all principals. */
    List<AccountAssignment> listForAccount(String accountId);

    /** What one user or group is assigned directly (not through groups), ordered by account and permission set. */
    List<AccountAssignment> listForPrincipal(PrincipalType principalType, String principalId);

    /**
     * Accounts where the user holds at least one permission set, directly or through any group they
     * belong to; ordered by account id, after {@code afterAccountId} (null: from the start).
     */
    List<Account> accountsOfUser(String userId, String afterAccountId, int limit);

    /**
     * Permission sets the user holds in one account, directly or through groups; ordered by name,
     * after {@code afterName} (null: from the start).
     */
    List<PermissionSet> permissionSetsOfUser(String userId, String accountId, String afterName, int limit);

    /**
     * Ids of the accounts where anyone is assigned the permission set; ordered, after {@code afterAccountId} (null:
     * from the start).
     */
    List<String> accountsWithPermissionSet(String permissionSetArn, String afterAccountId, int limit);

    /** Whether the user holds this permission set in this account, directly or through a group. */
    boolean userHolds(String userId, String accountId, String permissionSetArn);
}
