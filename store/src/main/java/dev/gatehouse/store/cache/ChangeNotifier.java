package dev.gatehouse.store.cache;

/**
 * Tells the other nodes that a cached row changed. On PostgreSQL it is a {@code pg_notify} in the writing
 * transaction, so it is delivered only if, and when, that transaction commits; an embedded database has no other
 * node to tell.
 */
@FunctionalInterface
public interface ChangeNotifier {

    ChangeNotifier NONE = payload -> { };

    /** @param payload {@code <cache>:<key>}, or {@code <cache>:*} for the whole cache */
    void send(String payload);
}
