package dev.gatehouse.core.retention;

import java.time.Instant;
import java.util.Map;

/**
 * Deletes rows nobody can use any more. Each kind of row goes in its own short statement, so a purge holds no lock
 * for long, and two nodes purging at once both succeed: the second finds nothing left to delete.
 */
public interface ExpiredRowRepository {

    /**
     * Deletes what ended before {@code endedBefore}: sessions (expired or revoked, with their tokens), tokens,
     * device authorizations, authorization codes, activation links, pending sign-ins, security-key challenges,
     * remembered browsers, client registrations, SAML requests never answered and used SAML assertion ids
     * (replay cache), and failure counts whose last failure is older.
     *
     * @return how many rows went, by table
     */
    Map<String, Integer> deleteEnded(Instant endedBefore);

    /** Deletes audit events that happened before {@code before}; returns how many. */
    int deleteAuditEventsBefore(Instant before);
}
