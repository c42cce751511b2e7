package dev.gatehouse.store.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Empties every table, so that one migrated database can serve many tests one after the other. */
public final class TestData {

    /** Children before parents, so that no foreign key stands in the way. */
    private static final List<String> TABLES = List.of("sync_leases", "directory_links", "identity_source", "saml_sp_key", "saml_requests", "saml_assertions", "external_subjects", "scim_tokens", "scim_user_external_ids", "scim_group_external_ids",
            "user_attributes", "user_contact_details", "access_control_attributes", "provisioning_requests",
            "service_credentials", "pending_sign_ins", "remembered_browsers", "password_history",
            "webauthn_challenges", "webauthn_user_handles",
            "mfa_devices", "issued_tokens", "sessions", "activation_links",
            "account_assignments", "group_nestings", "group_memberships", "audit_events", "device_authorizations",
            "authorization_codes", "client_registrations", "permission_sets", "accounts", "directory_groups", "users",
            "sealing_keys", "instance", "failed_attempts");
    private static final String MIGRATION_HISTORY = "flyway_schema_history";

    private TestData() {
    }

    public static void deleteAll(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            requireEveryTableListed(connection);
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the test database", e);
        }
    }

    /** A table added by a later migration and missing here would leak rows from one test into the next. */
    private static void requireEveryTableListed(Connection connection) throws SQLException {
        TreeSet<String> unlisted = new TreeSet<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                unlisted.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        unlisted.remove(MIGRATION_HISTORY);
        TABLES.forEach(unlisted::remove);
        if (!unlisted.isEmpty()) {
            throw new IllegalStateException("TestData does not empty " + unlisted + "; add them to its TABLES");
        }
    }
}
