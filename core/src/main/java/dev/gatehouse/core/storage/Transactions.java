package dev.gatehouse.core.storage;

import java.util.function.Supplier;

/**
 * Runs several repository calls as one transaction, so that nothing is half-written. Every repository call the
 * work makes on this thread joins the transaction; outside one, each call stands alone.
 */
public interface Transactions {

    /**
     * Runs {@code work} in one transaction; commits when it returns, rolls back when it throws (the exception
     * propagates unchanged). Called inside a transaction, it joins it under a savepoint: when the inner work
     * throws, only its own writes are undone and the outer work may catch the exception and still commit.
     */
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
