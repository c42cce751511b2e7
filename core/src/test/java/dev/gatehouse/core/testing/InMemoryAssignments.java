package dev.gatehouse.core.testing;

import static dev.gatehouse.core.testing.Keysets.lowerCase;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.AssignmentRepository;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.directory.GroupNesting;
import dev.gatehouse.core.directory.GroupNestings;
import dev.gatehouse.core.directory.Membership;
import dev.gatehouse.core.error.DomainException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Account assignments; what a user holds is their own assignments united with those of every group they belong
 * to, as the JDBC store's queries unite them.
 */
final class InMemoryAssignments implements AssignmentRepository {

    private static final Comparator<AccountAssignment> BY_ACCOUNT_AND_PERMISSION_SET =
            Comparator.comparing(AccountAssignment::accountId).thenComparing(AccountAssignment::permissionSetArn);

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryAssignments(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public void insert(AccountAssignment assignment) {
        statements.run(() -> {
            if (tables.assignments.contains(assignment)) {
                throw DomainException.exists("AccountAssignment", assignment.principalType() + " "
                        + assignment.principalId() + " in " + assignment.accountId() + " with "
                        + assignment.permissionSetArn());
            }
            if (!tables.accounts.contains(assignment.accountId())) {
                throw DomainException.notFound("Account", assignment.accountId());
            }
            if (!tables.permissionSets.contains(assignment.permissionSetArn())) {
                throw DomainException.notFound("PermissionSet", assignment.permissionSetArn());
            }
            tables.assignments.put(assignment, assignment);
        });
    }

    @Override
    public boolean delete(AccountAssignment assignment) {
        return statements.write(() -> tables.assignments.remove(assignment));
    }

    @Override
    public List<AccountAssignment> listForAccount(String accountId) {
        return statements.read("AssignmentRepository.listForAccount", () -> tables.assignments.rows()
                .filter(a -> a.accountId().equals(accountId))
                .sorted(Comparator.comparing(AccountAssignment::permissionSetArn)
                        .thenComparing(AccountAssignment::principalType)
                        .thenComparing(AccountAssignment::principalId))
                .toList());
    }

    @Override
    public List<AccountAssignment> listForPrincipal(PrincipalType principalType, String principalId) {
        return statements.read("AssignmentRepository.listForPrincipal", () -> tables.assignments.rows()
                .filter(a -> a.principalType() == principalType && a.principalId().equals(principalId))
                .sorted(BY_ACCOUNT_AND_PERMISSION_SET)
                .toList());
    }

    @Override
    public List<Account> accountsOfUser(String userId, String afterAccountId, int limit) {
        return statements.read("AssignmentRepository.accountsOfUser", () -> {
            Set<String> accountIds = heldBy(userId).map(AccountAssignment::accountId).collect(Collectors.toSet());
            return Keysets.page(tables.accounts.rows().filter(a -> accountIds.contains(a.accountId())),
                    Account::accountId, afterAccountId, limit);
        });
    }

    @Override
    public List<String> accountsWithPermissionSet(String permissionSetArn, String afterAccountId, int limit) {
        return statements.read("AssignmentRepository.accountsWithPermissionSet", () -> Keysets.page(
                tables.assignments.rows().filter(a -> a.permissionSetArn().equals(permissionSetArn))
                        .map(AccountAssignment::accountId).distinct(), id -> id, afterAccountId, limit));
    }

    @Override
    public List<PermissionSet> permissionSetsOfUser(String userId, String accountId, String afterName, int limit) {
        return statements.read("AssignmentRepository.permissionSetsOfUser", () -> {
            Set<String> arns = heldBy(userId).filter(a -> a.accountId().equals(accountId))
                    .map(AccountAssignment::permissionSetArn).collect(Collectors.toSet());
            return Keysets.page(tables.permissionSets.rows().filter(p -> arns.contains(p.permissionSetArn())),
                    p -> lowerCase(p.name()), lowerCase(afterName), limit);
        });
    }

    @Override
    public boolean userHolds(String userId, String accountId, String permissionSetArn) {
        return statements.read("AssignmentRepository.userHolds", () -> heldBy(userId)
                .anyMatch(a -> a.accountId().equals(accountId) && a.permissionSetArn().equals(permissionSetArn)));
    }

    /** The user's own assignments and those of their groups, and of the groups those are nested in. */
    private Stream<AccountAssignment> heldBy(String userId) {
        Set<String> groupIds = tables.memberships.rows().filter(m -> m.userId().equals(userId))
                .map(Membership::groupId).collect(Collectors.toSet());
        Set<String> frontier = groupIds;
        for (int level = 0; level < GroupNestings.MAX_DEPTH && !frontier.isEmpty(); level++) {
            Set<String> below = frontier;
            frontier = tables.nestings.rows().filter(n -> below.contains(n.childGroupId()))
                    .map(GroupNesting::parentGroupId).filter(id -> !groupIds.contains(id))
                    .collect(Collectors.toSet());
            groupIds.addAll(frontier);
        }
        return tables.assignments.rows().filter(a -> a.principalType() == PrincipalType.USER
                ? a.principalId().equals(userId) : groupIds.contains(a.principalId()));
    }
}
