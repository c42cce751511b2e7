package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.testing.TestUsers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: an H2 file in the data directory. */
class DatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void h2FileUrlPointsIntoTheDataDirectoryAndLetsASecondProcessIn() {
        assertThat(Database.h2FileUrl(dataDirectory))
                .isEqualTo("jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("gatehouse") + ";AUTO_SERVER=TRUE");
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
    void anAdminCommandCanOpenTheH2FileWhileTheServerHasItOpen() {
        String url = Database.h2FileUrl(dataDirectory);
        User ed = TestUsers.user("ed.developer");
        User ann = TestUsers.user("ann.admin");
        try (Database server = Database.open(url, "sa", "");
             Database adminCommand = Database.open(url, "sa", "")) {
            server.store().users().insert(ed);
            adminCommand.store().users().insert(ann);

            assertThat(adminCommand.store().users().findById(ed.userId())).contains(ed);
            assertThat(server.store().users().findById(ann.userId())).contains(ann);
        }
    }

    @Test
    void openingAnUnreachableDatabaseFails() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "x", "y"))
                .isInstanceOf(RuntimeException.class);
    }
}
