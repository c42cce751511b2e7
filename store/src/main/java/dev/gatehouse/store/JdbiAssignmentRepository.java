package dev.gatehouse.store;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.AssignmentRepository;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.directory.GroupNestings;
import dev.gatehouse.core.error.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * What a user holds is resolved in one query each: their own assignments united with those of every group they
 * belong to, directly or through nested groups, both found through the (principal_type, principal_id, account_id)
 * index.
 */
final class JdbiAssignmentRepository implements AssignmentRepository {

    /**
     * The groups of {@code :userId}, followed up through nestings at most {@link GroupNestings#MAX_DEPTH} levels (core
     * refuses deeper chains and cycles; the bound keeps a query finite whatever the rows). UNION, not UNION ALL,
     * so a group reached along many paths is carried once a level.
     */
    private static final String EFFECTIVE_GROUPS = """
            WITH RECURSIVE effective_groups (group_id, depth) AS (
                SELECT group_id, 0 FROM group_memberships WHERE user_id = :userId
                UNION
                SELECT n.parent_group_id, g.depth + 1 FROM effective_groups g
                JOIN group_nestings n ON n.child_group_id = g.group_id
                WHERE g.depth < """ + GroupNestings.MAX_DEPTH + """
            )
            """;
    /** The same recursive table, followed by a comma for a second one. */
    private static final String EFFECTIVE_GROUPS_THEN = EFFECTIVE_GROUPS.stripTrailing() + ",\n";

    /** How many assignments of one set per account a batch allows for before it reads another. */
    private static final int ASSIGNMENTS_PER_ACCOUNT_READ = 4;

    private final Handles handles;

    JdbiAssignmentRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void insert(AccountAssignment assignment) {
        handles.call(h -> Constraints.guarded(h, () -> h.createUpdate("""
                        INSERT INTO account_assignments (account_id, permission_set_arn, principal_type, principal_id)
                        VALUES (:accountId, :permissionSetArn, :principalType, :principalId)""")
                        .bind("accountId", assignment.accountId())
                        .bind("permissionSetArn", assignment.permissionSetArn())
                        .bind("principalType", assignment.principalType().name())
                        .bind("principalId", assignment.principalId())
                        .execute(),
                violation -> {
                    if (violation.duplicate()) {
                        return DomainException.exists("AccountAssignment", assignment.principalType() + " "
                                + assignment.principalId() + " in " + assignment.accountId() + " with "
                                + assignment.permissionSetArn());
                    }
                    return violation.of("fk_account_assignments_account")
                            ? DomainException.notFound("Account", assignment.accountId())
                            : DomainException.notFound("PermissionSet", assignment.permissionSetArn());
                }));
    }

    @Override
    public boolean delete(AccountAssignment assignment) {
        return handles.call(h -> h.createUpdate("""
                        DELETE FROM account_assignments
                        WHERE account_id = :accountId AND permission_set_arn = :permissionSetArn
                          AND principal_type = :principalType AND principal_id = :principalId""")
                .bind("accountId", assignment.accountId())
                .bind("permissionSetArn", assignment.permissionSetArn())
                .bind("principalType", assignment.principalType().name())
                .bind("principalId", assignment.principalId())
                .execute()) > 0;
    }

    @Override
    public List<AccountAssignment> listForAccount(String accountId) {
        return handles.call(h -> h.createQuery("""
                        SELECT account_id, permission_set_arn, principal_type, principal_id FROM account_assignments
                        WHERE account_id = :accountId
                        ORDER BY permission_set_arn, principal_type, principal_id""")
                .bind("accountId", accountId)
                .map(JdbiAssignmentRepository::map)
                .list());
    }

    /** Served by the (principal_type, principal_id, account_id, permission_set_arn) index, in its order. */
    @Override
    public List<AccountAssignment> listForPrincipal(PrincipalType principalType, String principalId) {
        return handles.call(h -> h.createQuery("""
                        SELECT account_id, permission_set_arn, principal_type, principal_id FROM account_assignments
                        WHERE principal_type = :principalType AND principal_id = :principalId
                        ORDER BY account_id, permission_set_arn""")
                .bind("principalType", principalType.name())
                .bind("principalId", principalId)
                .map(JdbiAssignmentRepository::map)
                .list());
    }

    private static AccountAssignment map(ResultSet row, StatementContext context) throws SQLException {
        return new AccountAssignment(row.getString("account_id"), row.getString("permission_set_arn"),
                PrincipalType.valueOf(row.getString("principal_type")), row.getString("principal_id"));
    }

    @Override
    public List<Account> accountsOfUser(String userId, String afterAccountId, int limit) {
        // Driven from the accounts the user holds (hundreds) rather than from all accounts filtered by them: with
        // "accounts WHERE account_id IN (…)" H2 walks every account (30,000: ~400 ms), this way it looks up each.
        Keyset page = new Keyset("held.account_id", afterAccountId, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        return handles.call(h -> page.bind(h.createQuery(EFFECTIVE_GROUPS_THEN + """
                        held (account_id) AS (
                                SELECT account_id FROM account_assignments
                                WHERE principal_type = 'USER' AND principal_id = :userId
                                UNION
                                SELECT a.account_id FROM effective_groups g
                                JOIN account_assignments a ON a.principal_type = 'GROUP' AND a.principal_id = g.group_id)
                        SELECT\s""" + JdbiAccountRepository.QUALIFIED_COLUMNS + """
                         FROM held JOIN accounts ON accounts.account_id = held.account_id
                        WHERE\s""" + page.condition() + page.orderAndLimit()))
                .bind("userId", userId)
                .map(JdbiAccountRepository::map)
                .list());
    }

    @Override
    public List<String> accountsWithPermissionSet(String permissionSetArn, String afterAccountId, int limit) {
        // Walks the (permission_set_arn, account_id) index in order, in batches, skipping an account's further
        // assignments of the set here: DISTINCT would make H2 read every assignment of the set after the key. The
        // set named in ORDER BY too, or H2 does not see that the index is already in that order.
        List<String> accounts = new ArrayList<>();
        int batch = Math.max(limit, 1) * ASSIGNMENTS_PER_ACCOUNT_READ;
        String after = afterAccountId;
        while (accounts.size() < limit) {
            Keyset page = new Keyset("account_id", after, batch);
            List<String> rows = handles.call(h -> page.bind(h.createQuery("""
                            SELECT account_id FROM account_assignments
                            WHERE permission_set_arn = :permissionSetArn AND\s""" + page.condition()
                            + " ORDER BY permission_set_arn, account_id LIMIT :limit"))
                    .bind("permissionSetArn", permissionSetArn)
                    .mapTo(String.class)
                    .list());
            for (String account : rows) {
                if ((accounts.isEmpty() || !accounts.getLast().equals(account)) && accounts.size() < limit) {
                    accounts.add(account);
                }
            }
            if (rows.size() < batch) {
                break;
            }
            after = rows.getLast();
        }
        return accounts;
    }

    @Override
    public List<PermissionSet> permissionSetsOfUser(String userId, String accountId, String afterName, int limit) {
        Keyset page = new Keyset("name_lc", Names.lowerCase(afterName), limit);
        if (page.isEmpty()) {
            return List.of();
        }
        return handles.call(h -> page.bind(h.createQuery(EFFECTIVE_GROUPS + "SELECT " + JdbiPermissionSetRepository.COLUMNS + """
                         FROM permission_sets
                        WHERE permission_set_arn IN (
                                SELECT permission_set_arn FROM account_assignments
                                WHERE principal_type = 'USER' AND principal_id = :userId AND account_id = :accountId
                                UNION
                                SELECT a.permission_set_arn FROM effective_groups g
                                JOIN account_assignments a ON a.principal_type = 'GROUP' AND a.principal_id = g.group_id
                                WHERE a.account_id = :accountId)
                          AND\s""" + page.condition() + page.orderAndLimit()))
                .bind("userId", userId)
                .bind("accountId", accountId)
                .map(JdbiPermissionSetRepository::map)
                .list());
    }

    @Override
    public boolean userHolds(String userId, String accountId, String permissionSetArn) {
        return handles.call(h -> h.createQuery(EFFECTIVE_GROUPS + """
                        SELECT 1 FROM account_assignments
                        WHERE account_id = :accountId AND permission_set_arn = :permissionSetArn
                          AND principal_type = 'USER' AND principal_id = :userId
                        UNION ALL
                        SELECT 1 FROM effective_groups g
                        JOIN account_assignments a ON a.principal_type = 'GROUP' AND a.principal_id = g.group_id
                        WHERE a.account_id = :accountId
                          AND a.permission_set_arn = :permissionSetArn
                        LIMIT 1""")
                .bind("userId", userId)
                .bind("accountId", accountId)
                .bind("permissionSetArn", permissionSetArn)
                .mapTo(Integer.class)
                .findFirst()
                .isPresent());
    }
}
