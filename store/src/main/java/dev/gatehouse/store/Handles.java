package dev.gatehouse.store;

import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Where a repository call gets its handle: the one of the transaction this thread is in, else a short one of its
 * own. Binding the transaction to the thread lets services hold plain repositories: whatever they call inside
 * {@link #inTransaction} joins it.
 */
final class Handles {

    /** The handle of this thread's transaction, and how deeply transactions are nested in it (for savepoints). */
    private record Bound(Handle handle, int depth) { }

    private final Jdbi jdbi;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

    Handles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <T> T call(HandleCallback<T, RuntimeException> work) {
        Bound current = bound.get();
        return current != null ? work.withHandle(current.handle()) : jdbi.withHandle(work);
    }

    /** Whether this thread is in a transaction that a repository call would join. */
    boolean inTransaction() {
        return bound.get() != null;
    }

    /** For calls of several statements that must apply together; inside a transaction they simply join it. */
    <T> T atomically(HandleCallback<T, RuntimeException> work) {
        return call(handle -> handle.inTransaction(work));
    }

    /**
     * Runs {@code work} in a transaction bound to this thread. A nested call joins the enclosing transaction under
     * a savepoint: when it throws, only its own writes are undone.
     */
    <T> T inTransaction(Supplier<T> work) {
        Bound current = bound.get();
        if (current != null) {
            Bound nested = new Bound(current.handle(), current.depth() + 1);
            bound.set(nested);
            try {
                return Savepoints.around(current.handle(), "nested_transaction_" + nested.depth(), work);
            } finally {
                bound.set(current);
            }
        }
        return jdbi.inTransaction(handle -> {
            bound.set(new Bound(handle, 0));
            try {
                return work.get();
            } finally {
                bound.remove();
            }
        });
    }
}
