package dev.gatehouse.store.testing;

import dev.gatehouse.core.model.Account;
import dev.gatehouse.core.model.AccountAssignment;
import dev.gatehouse.core.model.Group;
import dev.gatehouse.core.model.PermissionSet;
import dev.gatehouse.core.model.PrincipalType;
import dev.gatehouse.core.model.User;

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
