package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.store.testing.EmbeddedPostgresFixture;
import dev.gatehouse.store.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A restart at the newest schema skips Flyway; every other database still goes through it, on H2 and PostgreSQL. */
class SchemaMigrationTest {

    private static final String NEWEST = SchemaMigration.bundledVersions().stream()
            .max(Comparator.comparingInt(Integer::parseInt)).orElseThrow();

    @Test
    void onH2() throws SQLException {
        restartAtNewestSkipsTheMigrator(h2());
        databaseBehindIsMigrated(h2());
        failedMigrationInTheHistoryStillStopsTheStart(h2());
    }

    @Test
    void onPostgres() throws SQLException {
        restartAtNewestSkipsTheMigrator(postgres());
        databaseBehindIsMigrated(postgres());
        failedMigrationInTheHistoryStillStopsTheStart(postgres());
    }

    @Test
    void bundledVersionsWhenListedThenEveryMigrationFileFromTheFirst() {
        assertThat(SchemaMigration.bundledVersions()).contains("1", "5", NEWEST).hasSizeGreaterThan(20);
    }

    private static void restartAtNewestSkipsTheMigrator(DataSource dataSource) {
        assertThat(SchemaMigration.bringUpToDate(dataSource))
                .isEqualTo(new SchemaMigration.Outcome(NEWEST, true));

        assertThat(SchemaMigration.bringUpToDate(dataSource))
                .isEqualTo(new SchemaMigration.Outcome(NEWEST, false));
    }

    private static void databaseBehindIsMigrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("20").load().migrate();

        assertThat(SchemaMigration.bringUpToDate(dataSource))
                .isEqualTo(new SchemaMigration.Outcome(NEWEST, true));
    }

    /** Flyway refuses to start over a failed migration; skipping it must not hide one. */
    private static void failedMigrationInTheHistoryStillStopsTheStart(DataSource dataSource) throws SQLException {
        SchemaMigration.bringUpToDate(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // What a migration that broke off halfway leaves (H2 cannot roll DDL back).
            statement.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE"
                    + " WHERE \"version\" = '" + NEWEST + "'");
        }

        assertThatThrownBy(() -> SchemaMigration.bringUpToDate(dataSource)).isInstanceOf(FlywayException.class);
    }

    private static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // Kept while the test runs: an in-memory database otherwise ends with its last connection.
        dataSource.setURL("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    private static DataSource postgres() {
        TestDatabase database = EmbeddedPostgresFixture.shared().freshDatabase();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
