package dev.gatehouse.store.testing;

import java.time.Instant;

public final class TestTimes {

    /** Down to the nanosecond on purpose: a stored instant must read back exactly, as Instant.now() makes them. */
    public static final Instant NOW = Instant.parse("2025-06-02T08:30:00.123456789Z");

    private TestTimes() {
    }
}
