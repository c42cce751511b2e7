package dev.gatehouse.core.session;

import java.time.Instant;

/**
 * A signed-in session. Browser sessions are found by the hash of their cookie; token sessions by their
 * tokens. Nothing issued under a session outlives it.
 *
 * @param clientId the OIDC client, for token sessions
 * @param csrfToken per-session token every form must echo (browser sessions)
 */
public record PortalSession(String sessionId, String secretHash, SessionKind kind, String userId, String clientId,
                            String csrfToken, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
