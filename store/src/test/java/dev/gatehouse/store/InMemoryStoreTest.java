package dev.gatehouse.store;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.store.contract.RepositoryConformance;
import org.junit.jupiter.api.BeforeEach;

/**
 * The repository contract on core's in-memory store, so that service tests using it in core see what the JDBC
 * store would do. The SQL-only parts (migrations, instants as epoch nanoseconds) are left out.
 */
class InMemoryStoreTest implements RepositoryConformance {

    private Store store;

    @BeforeEach
    void emptyStore() {
        store = new InMemoryStore();
    }

    @Override
    public Store store() {
        return store;
    }
}
