package dev.gatehouse.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Fills a database with a synthetic directory at benchmark scale (`admin seed`): users, groups, memberships,
 * accounts and group assignments, written in JDBC batches straight to the tables, because going through the core
 * services would write an audit event per row and take hours at a million users. Not for production data: the
 * rows are not audited and the names are predictable ({@code seed.user.0000001}).
 *
 * <p>Shape: user {@code i} is in group {@code i mod groups}; the probe user ({@link #PROBE_USER}) is also in the
 * first {@code probeGroups} groups; assignment {@code j} is the {@code k = j / groups}-th of group
 * {@code g = j mod groups}: permission set {@code (g + k) mod sets} in account {@code (31 g + k) mod accounts}, so
 * every group holds about assignments / groups roles, in different accounts. Committed every {@value #BATCH}
 * rows: one transaction of millions of rows grows H2's file by gigabytes. The caller checks beforehand that no seed
 * name is taken, which is the failure to expect; anything else (a full disk) can leave a partial seed behind.
 */
public final class BulkSeed {

    public static final String PROBE_USER = "seed.user.0000000";
    private static final int BATCH = 5_000;

    /** How much to write; the permission sets are created beforehand through core, which gives them their ARNs. */
    public record Plan(int users, int groups, int accounts, int assignments, int probeGroups,
                       List<String> permissionSetArns) {

        public Plan {
            if (users < 1 || groups < 1 || accounts < 1 || assignments < 0 || probeGroups < 0
                    || permissionSetArns.isEmpty()) {
                throw new IllegalArgumentException("users, groups, accounts and permission sets must be at least 1");
            }
            if (probeGroups > groups) {
                throw new IllegalArgumentException("the probe user cannot be in more groups than there are");
            }
            permissionSetArns = List.copyOf(permissionSetArns);
        }
    }

    /** Rows written per table. */
    public record Written(long users, long groups, long memberships, long accounts, long assignments) { }

    private BulkSeed() {
    }

    public static Written seed(DataSource dataSource, Plan plan, Instant now) {
        long createdAt = EpochNanos.of(now);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            return new Written(users(connection, plan, createdAt), groups(connection, plan, createdAt),
                    memberships(connection, plan), accounts(connection, plan, createdAt), assignments(connection, plan));
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        }
    }

    public static String userId(int i) {
        return new UUID(0x5eed_0000_0000_4000L, 0x8000_0000_0000_0000L | i).toString();
    }

    public static String groupId(int i) {
        return new UUID(0x5eed_0001_0000_4000L, 0x8000_0000_0000_0000L | i).toString();
    }

    public static String accountId(int i) {
        return String.format("9%011d", i);
    }

    private static long users(Connection connection, Plan plan, long createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO users (user_id, user_name, user_name_lc, display_name, given_name, family_name, email,
                                   status, administrator, password_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'ENABLED', FALSE, NULL, ?, ?)""")) {
            for (int i = 0; i < plan.users(); i++) {
                String name = String.format("seed.user.%07d", i);
                insert.setString(1, userId(i));
                insert.setString(2, name);
                insert.setString(3, name);
                insert.setString(4, "Seed User " + i);
                insert.setString(5, "Seed");
                insert.setString(6, "User " + i);
                insert.setString(7, name + "@seed.example");
                insert.setLong(8, createdAt);
                insert.setLong(9, createdAt); // as core creates a user: updated when created
                add(connection, insert, i);
            }
            return flush(connection, insert, plan.users());
        }
    }

    private static long groups(Connection connection, Plan plan, long createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO directory_groups (group_id, display_name, display_name_lc, description, created_at)
                VALUES (?, ?, ?, NULL, ?)""")) {
            for (int i = 0; i < plan.groups(); i++) {
                String name = String.format("seed-group-%06d", i);
                insert.setString(1, groupId(i));
                insert.setString(2, name);
                insert.setString(3, name);
                insert.setLong(4, createdAt);
                add(connection, insert, i);
            }
            return flush(connection, insert, plan.groups());
        }
    }

    private static long memberships(Connection connection, Plan plan) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO group_memberships (membership_id, group_id, user_id) VALUES (?, ?, ?)")) {
            long rows = 0;
            for (int i = 0; i < plan.users(); i++) {
                membership(insert, rows, i % plan.groups(), i);
                add(connection, insert, rows++);
            }
            // The probe user's own group is group 0, already written above.
            for (int g = 1; g < plan.probeGroups(); g++) {
                membership(insert, rows, g, 0);
                add(connection, insert, rows++);
            }
            return flush(connection, insert, rows);
        }
    }

    /** Ids in insertion order: random ones would touch every page of the primary key in each batch. */
    private static void membership(PreparedStatement insert, long row, int group, int user) throws SQLException {
        insert.setString(1, new UUID(0x5eed_0002_0000_4000L, 0x8000_0000_0000_0000L | row).toString());
        insert.setString(2, groupId(group));
        insert.setString(3, userId(user));
    }

    private static long accounts(Connection connection, Plan plan, long createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO accounts (account_id, name, email, created_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < plan.accounts(); i++) {
                insert.setString(1, accountId(i));
                insert.setString(2, String.format("seed-account-%05d", i));
                insert.setString(3, String.format("seed-account-%05d@seed.example", i));
                insert.setLong(4, createdAt);
                add(connection, insert, i);
            }
            return flush(connection, insert, plan.accounts());
        }
    }

    private static long assignments(Connection connection, Plan plan) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO account_assignments (account_id, permission_set_arn, principal_type, principal_id)
                VALUES (?, ?, 'GROUP', ?)""")) {
            List<String> sets = plan.permissionSetArns();
            for (int j = 0; j < plan.assignments(); j++) {
                int group = j % plan.groups();
                int k = j / plan.groups();
                insert.setString(1, accountId((int) ((31L * group + k) % plan.accounts())));
                insert.setString(2, sets.get((group + k) % sets.size()));
                insert.setString(3, groupId(group));
                add(connection, insert, j);
            }
            return flush(connection, insert, plan.assignments());
        }
    }

    /** Adds the row to the batch; every {@value #BATCH} rows the batch is sent and committed. */
    private static void add(Connection connection, PreparedStatement insert, long row) throws SQLException {
        insert.addBatch();
        if ((row + 1) % BATCH == 0) {
            insert.executeBatch();
            connection.commit();
        }
    }

    private static long flush(Connection connection, PreparedStatement insert, long rows) throws SQLException {
        insert.executeBatch();
        connection.commit();
        return rows;
    }
}
