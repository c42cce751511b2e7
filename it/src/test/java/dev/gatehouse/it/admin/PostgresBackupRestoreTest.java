package dev.gatehouse.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.admin.AdminCommand;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.store.testing.EmbeddedPostgresFixture;
import dev.gatehouse.store.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code admin backup} and {@code admin restore} on PostgreSQL with the real client tools. The embedded PostgreSQL
 * is 17 and ships no client tools; when only older ones are installed (Debian 12's are 15), the backup refuses in
 * one line naming both versions; with tools of 17 or later the backup is restored into an empty database and read
 * back. Either way, restore never writes into a database that holds tables, nor reads a file that is not a dump.
 */
class PostgresBackupRestoreTest {

    private record Result(int exitCode, String out, String err) { }

    @TempDir
    Path parent;

    @Test
    void backupThenRestoreIntoAnEmptyDatabaseOrAClearErrorWhenTheClientToolsAreOlderThanTheServer()
            throws Exception {
        TestDatabase source = EmbeddedPostgresFixture.shared().freshDatabase();
        Path sourceDir = Files.createDirectories(parent.resolve("source"));
        try (Services services = open(source, sourceDir)) {
            services.core().identityStore().createUser(new NewUser("ed.developer", "Ed Developer", "Ed",
                    "Developer", "ed@example.com", false), Actor.administratorCli(),
                    RequestContext.commandLine("test"));
        }
        Path backup = parent.resolve("gatehouse.dump");

        Result backedUp = admin(source, sourceDir, "backup", "--to", backup.toString());

        String server = serverVersion(source);
        if (backedUp.exitCode() != 0) {
            assertThat(backedUp.err()).hasLineCount(1)
                    .containsPattern("error: .*pg_dump \\d+(\\.\\d+)? \\(.*\\) is older than the PostgreSQL "
                            + Pattern.quote(server) + " server and cannot work on it: install the PostgreSQL "
                            + major(server) + " client tools");
            assertThat(backup).doesNotExist();
        } else {
            TestDatabase target = EmbeddedPostgresFixture.shared().freshDatabase();
            Path targetDir = Files.createDirectories(parent.resolve("target"));
            Files.copy(sourceDir.resolve("master.key"), targetDir.resolve("master.key"));
            Result restored = admin(target, targetDir, "restore", "--from", backup.toString());
            assertThat(restored.exitCode()).as(restored.err()).isZero();
            try (Services services = open(target, targetDir)) {
                assertThat(services.core().identityStore().user("ed.developer").email()).isEqualTo("ed@example.com");
            }
        }

        Path fakeDump = Files.write(parent.resolve("fake.dump"), "PGDMP not really".getBytes());
        Result intoUsed = admin(source, sourceDir, "restore", "--from", fakeDump.toString());
        assertThat(intoUsed.exitCode()).isEqualTo(1);
        assertThat(intoUsed.err()).hasLineCount(1).contains("the database already holds").contains("empty database");
        Path notADump = Files.writeString(parent.resolve("notes.txt"), "not a dump");
        TestDatabase empty = EmbeddedPostgresFixture.shared().freshDatabase();
        Result wrongFile = admin(empty, parent, "restore", "--from", notADump.toString());
        assertThat(wrongFile.exitCode()).isEqualTo(1);
        assertThat(wrongFile.err()).hasLineCount(1).contains("is not a Gatehouse backup of PostgreSQL");
    }

    private static Services open(TestDatabase database, Path dataDir) {
        return Services.open(new ConfigLoader(environment(database, dataDir)).load(), Clock.systemUTC());
    }

    private static Map<String, String> environment(TestDatabase database, Path dataDir) {
        Map<String, String> environment = new HashMap<>();
        environment.put("GATEHOUSE_DATA_DIR", dataDir.toString());
        environment.put("GATEHOUSE_DB_URL", database.jdbcUrl());
        environment.put("GATEHOUSE_DB_USER", database.user());
        environment.put("GATEHOUSE_DB_PASSWORD", database.password());
        return environment;
    }

    private static Result admin(TestDatabase database, Path dataDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, environment(database, dataDir), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static String serverVersion(TestDatabase database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password());
             ResultSet result = connection.createStatement().executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String major(String version) {
        Matcher digits = Pattern.compile("^\\d+").matcher(version);
        assertThat(digits.find()).isTrue();
        return digits.group();
    }
}
