package dev.gatehouse.store.testing;

import dev.gatehouse.store.Database;
import java.util.UUID;

/** Where a test database lives: what {@link Database#open} needs. */
public record TestDatabase(String jdbcUrl, String user, String password) {

    /** A new in-memory H2 database; it disappears when the last connection to it closes. */
    public static TestDatabase freshH2() {
        return new TestDatabase("jdbc:h2:mem:gatehouse-" + UUID.randomUUID(), "sa", "");
    }

    /** Opens a pool on it and migrates the schema. */
    public Database open() {
        return Database.open(jdbcUrl, user, password);
    }
}
