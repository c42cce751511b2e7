package dev.gatehouse.store.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's ear for the other nodes' changes: one connection of its own (outside the pool) that {@code LISTEN}s on
 * {@link #CHANNEL} and hands every notification to {@link Invalidations}. The caches are trusted only while this
 * connection has answered within {@link #TRUST_MILLIS}: a lost or hung connection makes every read go to the
 * database, and when it is back everything cached before is dropped (notifications sent meanwhile are lost).
 */
public final class PostgresChangeListener implements AutoCloseable {

    public static final String CHANNEL = "gatehouse_cache";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeListener.class);
    private static final int POLL_MILLIS = 200;
    private static final long TRUST_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 500;

    private final String url;
    private final Properties properties = new Properties();
    private final Invalidations invalidations;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    /** {@link System#nanoTime()} when the connection last answered; 0 while it is not listening. */
    private volatile long lastHeard;

    private PostgresChangeListener(String url, String user, String password, ChangeNotifier notifier) {
        this.url = url;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("socketTimeout", "2");      // a hung connection fails rather than blocks
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("ApplicationName", "gatehouse cache listener");
        this.invalidations = new Invalidations(notifier, this::trusted);
        this.thread = Thread.ofPlatform().daemon().name("gatehouse-cache-listener").unstarted(this::run);
    }

    /**
     * Starts listening; the caches are bypassed until the first {@code LISTEN} succeeds.
     *
     * @param notifier how this node's own changes are announced (in the writing transaction)
     */
    public static PostgresChangeListener start(String url, String user, String password, ChangeNotifier notifier) {
        PostgresChangeListener listener = new PostgresChangeListener(url, user, password, notifier);
        listener.thread.start();
        return listener;
    }

    /** The caches this listener keeps exact: trusted only while it hears the database. */
    public Invalidations invalidations() {
        return invalidations;
    }

    /** Whether cached entries may be served now. */
    public boolean trusted() {
        long heard = lastHeard;
        return heard != 0 && System.nanoTime() - heard < TRUST_MILLIS * 1_000_000;
    }

    private void run() {
        while (closed.getCount() > 0) {
            try (Connection connection = DriverManager.getConnection(url, properties)) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (closed.getCount() > 0) {
                    LOG.warn("Cache listener lost its database connection; caches bypassed until it is back: {}",
                            e.toString());
                }
            } finally {
                lastHeard = 0;
                invalidations.dropAll();
            }
            awaitClose(RETRY_MILLIS);
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        invalidations.dropAll();   // whatever changed before LISTEN took effect was not heard
        lastHeard = System.nanoTime();
        LOG.info("Cache listener connected: other nodes' changes invalidate this node's caches");
        while (closed.getCount() > 0) {
            long askedAt = System.nanoTime();
            deliver(pg.getNotifications(POLL_MILLIS));
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");   // proves the connection alive; brings any pending notifications
            }
            deliver(pg.getNotifications());
            lastHeard = askedAt;   // everything committed before we asked has been heard
        }
    }

    private void deliver(PGNotification[] notifications) {
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                invalidations.received(notification.getParameter());
            }
        }
    }

    private void awaitClose(long millis) {
        try {
            closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed.countDown();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            thread.join(POLL_MILLIS * 10L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
