package dev.gatehouse.store.testing;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;

public final class TestAssignments {

    private TestAssignments() {
    }

    public static AccountAssignment assignment(Account account, PermissionSet permissionSet, User user) {
        return new AccountAssignment(account.accountId(), permissionSet.permissionSetArn(), PrincipalType.USER,
                user.userId());
    }

    public static AccountAssignment assignment(Account account, PermissionSet permissionSet, Group group) {
        return new AccountAssignment(account.accountId(), permissionSet.permissionSetArn(), PrincipalType.GROUP,
                group.groupId());
    }
}
