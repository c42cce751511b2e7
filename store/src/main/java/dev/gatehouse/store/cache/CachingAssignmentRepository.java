package dev.gatehouse.store.cache;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.AssignmentRepository;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import java.util.List;

/**
 * Whether a user holds a permission set in an account, asked on every credential call. The answer depends on
 * assignments, memberships and nestings, so any change to those clears the whole cache: they change rarely.
 */
final class CachingAssignmentRepository implements AssignmentRepository {

    private final AssignmentRepository delegate;
    private final Invalidations invalidations;

    CachingAssignmentRepository(AssignmentRepository delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
    }

    @Override
    public void insert(AccountAssignment assignment) {
        delegate.insert(assignment);
        invalidations.changedAll(CacheName.HOLDINGS);
    }

    @Override
    public boolean delete(AccountAssignment assignment) {
        boolean removed = delegate.delete(assignment);
        invalidations.changedAll(CacheName.HOLDINGS);
        return removed;
    }

    @Override
    public List<AccountAssignment> listForAccount(String accountId) {
        return delegate.listForAccount(accountId);
    }

    @Override
    public List<AccountAssignment> listForPrincipal(PrincipalType principalType, String principalId) {
        return delegate.listForPrincipal(principalType, principalId);
    }

    @Override
    public List<Account> accountsOfUser(String userId, String afterAccountId, int limit) {
        return delegate.accountsOfUser(userId, afterAccountId, limit);
    }

    @Override
    public List<String> accountsWithPermissionSet(String permissionSetArn, String afterAccountId, int limit) {
        return delegate.accountsWithPermissionSet(permissionSetArn, afterAccountId, limit);
    }

    @Override
    public List<PermissionSet> permissionSetsOfUser(String userId, String accountId, String afterName, int limit) {
        return delegate.permissionSetsOfUser(userId, accountId, afterName, limit);
    }

    @Override
    public boolean userHolds(String userId, String accountId, String permissionSetArn) {
        return invalidations.read(CacheName.HOLDINGS, userId + '\n' + accountId + '\n' + permissionSetArn,
                () -> delegate.userHolds(userId, accountId, permissionSetArn));
    }
}
