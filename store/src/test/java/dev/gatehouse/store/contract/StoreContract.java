package dev.gatehouse.store.contract;

import dev.gatehouse.core.Store;
import dev.gatehouse.store.testing.TestDatabase;

/** What every contract runs against: a store on a fresh, migrated database, and where that database is. */
public interface StoreContract {

    Store store();

    TestDatabase database();
}
