package dev.gatehouse.store;

import dev.gatehouse.store.cache.ChangeNotifier;
import dev.gatehouse.store.cache.PostgresChangeListener;

/**
 * Sends a cache change to every node with {@code pg_notify} on the handle of this thread's transaction, so that
 * the notification is delivered when, and only if, the change commits.
 */
final class PostgresChangeNotifier implements ChangeNotifier {

    private final Handles handles;

    PostgresChangeNotifier(Handles handles) {
        this.handles = handles;
    }

    @Override
    public void send(String payload) {
        handles.call(h -> h.createQuery("SELECT pg_notify(:channel, :payload)")
                .bind("channel", PostgresChangeListener.CHANNEL).bind("payload", payload)
                .mapTo(String.class).findOne());
    }
}
