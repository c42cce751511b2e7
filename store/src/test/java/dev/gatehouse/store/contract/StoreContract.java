package dev.gatehouse.store.contract;

import dev.gatehouse.core.Store;

/** What every contract runs against: an empty store. */
public interface StoreContract {

    Store store();
}
