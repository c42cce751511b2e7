package dev.gatehouse.store.contract;

import dev.gatehouse.store.testing.TestDatabase;

/** The contracts about SQL itself also need to know where the store's migrated database is. */
public interface DatabaseContract extends StoreContract {

    TestDatabase database();
}
