package dev.gatehouse.store;

import dev.gatehouse.core.Store;
import dev.gatehouse.store.testing.TestData;
import dev.gatehouse.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A core service tested on a real store rather than a stand-in: one H2 database per test class, emptied before
 * each test, so every test starts from nothing without paying for a new database.
 */
abstract class ServiceOnH2 {

    private static Database database;

    /** The emptied store, ready when a subclass's own {@code @BeforeEach} runs. */
    Store store;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabase.freshH2().open();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    final void emptyStore() {
        TestData.deleteAll(database.dataSource());
        database.dropCaches();
        store = database.store();
    }
}
