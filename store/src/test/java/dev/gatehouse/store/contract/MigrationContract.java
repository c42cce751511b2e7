package dev.gatehouse.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.store.Database;
import dev.gatehouse.store.testing.TestUsers;
import org.junit.jupiter.api.Test;

public interface MigrationContract extends DatabaseContract {

    @Test
    default void openingAMigratedDatabaseAgainKeepsItsData() {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);

        try (Database again = Database.open(database().jdbcUrl(), database().user(), database().password())) {
            assertThat(again.store().users().findById(ed.userId())).contains(ed);
        }
    }
}
