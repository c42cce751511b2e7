package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestUsers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: an H2 file in the data directory. */
class DatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void h2FileUrlWhenOpenedThenNoNetworkServerAndEveryCommitWrittenAtOnce() throws Exception {
        String url = Database.h2FileUrl(dataDirectory);
        assertThat(url).isEqualTo("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("gatehouse")
                + ";WRITE_DELAY=0").doesNotContain("AUTO_SERVER");

        try (Database database = Database.open(url, "sa", "");
             Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE"
                     + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            Map<String, String> values = new HashMap<>();
            while (settings.next()) {
                values.put(settings.getString(1), settings.getString(2));
            }
            assertThat(values).containsEntry("WRITE_DELAY", "0");
        }
        // AUTO_SERVER would have written the TCP address and the key to reach it here.
        assertThat(dataDirectory.resolve("gatehouse.lock.db")).doesNotExist();
    }

    @Test
    void dataInTheH2FileOutlivesTheDatabaseThatWroteIt() {
        String url = Database.h2FileUrl(dataDirectory);
        User ed = TestUsers.user("ed.developer");
        try (Database first = Database.open(url, "sa", "")) {
            first.store().users().insert(ed);
        }

        try (Database second = Database.open(url, "sa", "")) {
            assertThat(second.store().users().findById(ed.userId())).contains(ed);
        }
    }

    @Test
    void openingAnUnreachableDatabaseFails() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "x", "y"))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void schemaCurrentWhenMigratedThenTrueAndWhenAnotherVersionIsRecordedOrThePoolIsClosedThenFalse() throws Exception {
        Database database = Database.open(Database.h2FileUrl(dataDirectory), "sa", "");
        assertThat(database.schemaCurrent()).isTrue();

        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            // What a newer build on another node would leave: a later migration recorded.
            statement.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (1000, '999', 'from the future', 'SQL', 'V999__future.sql', 'sa', 0, TRUE)");
        }
        assertThat(database.schemaCurrent()).isFalse();

        database.close();
        assertThat(database.schemaCurrent()).isFalse();
    }
}
