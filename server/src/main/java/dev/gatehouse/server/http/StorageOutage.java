package dev.gatehouse.server.http;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure because the database cannot be reached from a bug. Read from the JDBC cause chain, so neither core
 * nor the protocols need to know the pool or the driver: the pool's timeout waiting for a connection, a connection
 * lost, or the database shutting down under a query.
 */
public final class StorageOutage {

    /** How long clients are asked to wait before trying again; the pool then tries to reconnect. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private StorageOutage() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P0x (the server shutting down or terminating us). */
    private static boolean isConnectionState(String state) {
        return state.startsWith("08") || state.startsWith("57P0");
    }
}
