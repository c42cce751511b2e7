package dev.gatehouse.store;

import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Undoes only a part of a transaction when that part throws, and leaves the transaction usable: PostgreSQL
 * refuses every later statement of a transaction after a failed one unless it is rolled back to a savepoint.
 */
final class Savepoints {

    private Savepoints() {
    }

    static <T> T around(Handle transaction, String name, Supplier<T> part) {
        transaction.savepoint(name);
        T result;
        try {
            result = part.get();
        } catch (RuntimeException | Error e) {
            transaction.rollbackToSavepoint(name);
            throw e;
        }
        transaction.releaseSavepoint(name);
        return result;
    }
}
