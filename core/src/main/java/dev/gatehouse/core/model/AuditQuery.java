package dev.gatehouse.core.model;

import java.time.Instant;

/** Filters for listing audit events; null means "any". Newest first, at most {@code limit}. */
public record AuditQuery(String userName, String eventName, Instant from, Instant to, int limit) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, 1000);
    }
}
