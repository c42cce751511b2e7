package dev.gatehouse.core.audit;

import java.time.Instant;

/**
 * Filters for listing audit events; null means "any". Newest first, at most {@code limit}.
 *
 * @param eventSource e.g. {@code sso.amazonaws.com}
 * @param before      only events older than this one: where the previous page ended, or null for the newest
 */
public record AuditQuery(String userName, String eventName, String eventSource, Instant from, Instant to,
                         AuditCursor before, int limit) {

    public AuditQuery(String userName, String eventName, Instant from, Instant to, int limit) {
        this(userName, eventName, null, from, to, null, limit);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, 1000);
    }

    public AuditQuery before(AuditCursor cursor) {
        return new AuditQuery(userName, eventName, eventSource, from, to, cursor, limit);
    }

    public AuditQuery withLimit(int newLimit) {
        return new AuditQuery(userName, eventName, eventSource, from, to, before, newLimit);
    }
}
