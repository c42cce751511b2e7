package dev.gatehouse.store;

import dev.gatehouse.core.retention.ExpiredRowRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One auto-committed DELETE per table, so no purge holds locks on several tables at once. */
final class JdbiExpiredRowRepository implements ExpiredRowRepository {

    /** Table, and the condition under which its row has ended; sessions first, which takes their tokens along. */
    private record Ended(String table, String condition) { }

    private static final List<Ended> ENDED = List.of(
            new Ended("sessions", "expires_at < :before OR revoked_at < :before"),
            new Ended("issued_tokens", "expires_at < :before"),
            new Ended("device_authorizations", "expires_at < :before"),
            new Ended("authorization_codes", "expires_at < :before"),
            new Ended("activation_links", "expires_at < :before"),
            new Ended("pending_sign_ins", "expires_at < :before"),
            new Ended("webauthn_challenges", "expires_at < :before"),
            new Ended("remembered_browsers", "expires_at < :before"),
            new Ended("client_registrations", "expires_at < :before"),
            new Ended("saml_requests", "expires_at < :before"),
            new Ended("saml_assertions", "expires_at < :before"),
            new Ended("failed_attempts", "last_failure_at < :before"),
            // sso-admin clients poll a request's status right after it; a day later nobody asks.
            new Ended("provisioning_requests", "created_at < :before"));

    private final Handles handles;

    JdbiExpiredRowRepository(Handles handles) {
        this.handles = handles;
    }

    @Override
    public Map<String, Integer> deleteEnded(Instant endedBefore) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (Ended ended : ENDED) {
            deleted.put(ended.table(), delete(ended.table(), ended.condition(), endedBefore));
        }
        return deleted;
    }

    @Override
    public int deleteAuditEventsBefore(Instant before) {
        return delete("audit_events", "event_time < :before", before);
    }

    private int delete(String table, String condition, Instant before) {
        return handles.call(h -> h.createUpdate("DELETE FROM " + table + " WHERE " + condition)
                .bind("before", EpochNanos.of(before))
                .execute());
    }
}
