package dev.gatehouse.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** Where a repository call gets its handle: a short one of its own, or the one of the enclosing transaction. */
final class Handles {

    private final Jdbi jdbi;
    private final Handle transaction;

    private Handles(Jdbi jdbi, Handle transaction) {
        this.jdbi = jdbi;
        this.transaction = transaction;
    }

    static Handles pooled(Jdbi jdbi) {
        return new Handles(jdbi, null);
    }

    static Handles boundTo(Handle transaction) {
        return new Handles(null, transaction);
    }

    boolean isBoundToTransaction() {
        return transaction != null;
    }

    <T> T call(HandleCallback<T, RuntimeException> work) {
        return transaction != null ? work.withHandle(transaction) : jdbi.withHandle(work);
    }

    /** For calls of several statements that must apply together; inside a transaction they simply join it. */
    <T> T atomically(HandleCallback<T, RuntimeException> work) {
        return call(handle -> handle.inTransaction(work));
    }
}
