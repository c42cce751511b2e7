package dev.gatehouse.core.testing;

import dev.gatehouse.core.retention.ExpiredRowRepository;
import dev.gatehouse.core.session.PortalSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JDBC store's purge, table by table, with the session-to-token cascade done by hand. */
final class InMemoryExpiredRows implements ExpiredRowRepository {

    private final InMemoryTables tables;
    private final Statements statements;

    InMemoryExpiredRows(InMemoryTables tables, Statements statements) {
        this.tables = tables;
        this.statements = statements;
    }

    @Override
    public Map<String, Integer> deleteEnded(Instant before) {
        return statements.write(() -> {
            Map<String, Integer> deleted = new LinkedHashMap<>();
            deleted.put("sessions", tables.sessions.removeIf(s -> ended(s, before)));
            tables.issuedTokens.removeIf(t -> !tables.sessions.contains(t.sessionId()));  // ON DELETE CASCADE
            deleted.put("issued_tokens", tables.issuedTokens.removeIf(t -> t.expiresAt().isBefore(before)));
            deleted.put("device_authorizations",
                    tables.deviceAuthorizations.removeIf(d -> d.expiresAt().isBefore(before)));
            deleted.put("authorization_codes", tables.authorizationCodes.removeIf(c -> c.expiresAt().isBefore(before)));
            deleted.put("activation_links", tables.activationLinks.removeIf(l -> l.expiresAt().isBefore(before)));
            deleted.put("pending_sign_ins", tables.pendingSignIns.removeIf(p -> p.expiresAt().isBefore(before)));
            deleted.put("webauthn_challenges", tables.challenges.removeIf(c -> c.expiresAt().isBefore(before)));
            deleted.put("remembered_browsers", tables.rememberedBrowsers.removeIf(r -> r.expiresAt().isBefore(before)));
            deleted.put("provisioning_requests",
                    tables.provisioningRequests.removeIf(r -> r.createdAt().isBefore(before)));
            deleted.put("client_registrations", tables.clients.removeIf(c -> c.expiresAt().isBefore(before)));
            deleted.put("saml_requests", tables.samlRequests.removeIf(expiresAt -> expiresAt.isBefore(before)));
            deleted.put("saml_assertions", tables.samlAssertions.removeIf(expiresAt -> expiresAt.isBefore(before)));
            deleted.put("failed_attempts", tables.failedAttempts.removeIf(f -> f.lastFailureAt().isBefore(before)));
            return deleted;
        });
    }

    @Override
    public int deleteAuditEventsBefore(Instant before) {
        return statements.write(() -> tables.auditEvents.removeIf(e -> e.eventTime().isBefore(before)));
    }

    private static boolean ended(PortalSession session, Instant before) {
        return session.expiresAt().isBefore(before)
                || (session.revokedAt() != null && session.revokedAt().isBefore(before));
    }
}
