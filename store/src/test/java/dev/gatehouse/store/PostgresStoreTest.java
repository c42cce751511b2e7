package dev.gatehouse.store;

import dev.gatehouse.core.Store;
import dev.gatehouse.store.contract.StoreConformance;
import dev.gatehouse.store.testing.EmbeddedPostgresFixture;
import dev.gatehouse.store.testing.TestData;
import dev.gatehouse.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The storage contract on embedded PostgreSQL. Starting the server, creating a database and migrating it cost
 * too much to do per test, so the class shares one migrated database and each test starts with it emptied.
 */
class PostgresStoreTest implements StoreConformance {

    private static EmbeddedPostgresFixture postgres;
    private static TestDatabase target;
    private static Database database;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresFixture.shared();
        target = postgres.freshDatabase();
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
