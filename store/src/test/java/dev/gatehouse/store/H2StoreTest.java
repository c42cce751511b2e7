package dev.gatehouse.store;

import dev.gatehouse.core.Store;
import dev.gatehouse.store.contract.StoreConformance;
import dev.gatehouse.store.testing.TestData;
import dev.gatehouse.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The storage contract on one in-memory H2 database for the class, emptied before each test. */
class H2StoreTest implements StoreConformance {

    private static TestDatabase target;
    private static Database database;

    @BeforeAll
    static void openDatabase() {
        target = TestDatabase.freshH2();
        database = target.open();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyDatabase() {
        TestData.deleteAll(database.dataSource());
        database.dropCaches();
    }

    @Override
    public Store store() {
        return database.store();
    }

    @Override
    public TestDatabase database() {
        return target;
    }
}
