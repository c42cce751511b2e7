package dev.gatehouse.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Instants as BIGINT nanoseconds since the epoch: the databases' own timestamps stop at microseconds, while
 * {@code Instant.now()} carries nanoseconds, and a stored record must read back equal.
 */
final class EpochNanos {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNanos() {
    }

    static Long of(Instant instant) {
        if (instant == null) {
            return null;
        }
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Instant outside the storable years 1677..2262: " + instant, e);
        }
    }

    static Instant read(ResultSet row, String column) throws SQLException {
        long nanos = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochSecond(0, nanos);
    }

    /** By position: for hot queries, where finding a column by name costs more than reading it. */
    static Instant read(ResultSet row, int column) throws SQLException {
        long nanos = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochSecond(0, nanos);
    }
}
