package dev.gatehouse.core.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Removes what has ended: expired and revoked sessions with their tokens, used or expired codes and links,
 * finished sign-ins and challenges, old failure counts, and audit events older than their retention. Every node
 * may run it on its own schedule; a row is only ever deleted once it can no longer be used.
 */
public final class Purge {

    /**
     * How long an ended row is kept: long enough that a session that just ended is still listed, a refresh token
     * replayed soon after expiry is still recognised, and a failure count outlives the longest throttle window (12 h).
     */
    public static final Duration GRACE = Duration.ofDays(1);

    /** CloudTrail's event history keeps 90 days. */
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(90);

    private final ExpiredRowRepository rows;
    private final Clock clock;
    private final Duration auditRetention;

    public Purge(ExpiredRowRepository rows, Clock clock, Duration auditRetention) {
        if (auditRetention.compareTo(GRACE) < 0) {
            throw new IllegalArgumentException("audit retention below a day: " + auditRetention);
        }
        this.rows = rows;
        this.clock = clock;
        this.auditRetention = auditRetention;
    }

    /** @return how many rows went, by table, including {@code audit_events} */
    public Map<String, Integer> run() {
        Instant now = clock.instant();
        Map<String, Integer> deleted = new LinkedHashMap<>(rows.deleteEnded(now.minus(GRACE)));
        deleted.put("audit_events", rows.deleteAuditEventsBefore(now.minus(auditRetention)));
        return deleted;
    }
}
