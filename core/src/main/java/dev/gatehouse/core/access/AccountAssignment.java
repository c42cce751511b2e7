package dev.gatehouse.core.access;

/** Grants a user, or every member of a group, a permission set in one account. */
public record AccountAssignment(String accountId, String permissionSetArn, PrincipalType principalType,
                                String principalId) { }
