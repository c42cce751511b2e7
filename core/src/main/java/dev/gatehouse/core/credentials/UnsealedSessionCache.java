package dev.gatehouse.core.credentials;

import dev.gatehouse.sigv4.BoundedLruMap;
import dev.gatehouse.sigv4.SigningSecret;
import java.time.Instant;
import java.util.Optional;

/**
 * What unsealing a session token gave, kept per access key id so that a client making repeated calls with
 * the same credentials pays for the AES-GCM unseal (2.7 HMACs) once rather than per request. An entry is
 * trusted only for the very token it was unsealed from (compared in full), only under the sealer that
 * unsealed it (a refreshed key set unseals again, so a retired key stops working), and only until the
 * credentials expire. Bounded, least recently used first out. It holds the secret and its signing key in
 * memory, as the signing-key cache does; entries never print them.
 */
public final class UnsealedSessionCache {

    /** The claims of a session token and the signing secret they carry, with what they may be reused for. */
    public static final class UnsealedSession {
        private final String sessionToken;
        private final CredentialSealer sealer;
        private final RoleSessionClaims claims;
        private final SigningSecret signingSecret;

        private UnsealedSession(String sessionToken, CredentialSealer sealer, RoleSessionClaims claims) {
            this.sessionToken = sessionToken;
            this.sealer = sealer;
            this.claims = claims;
            this.signingSecret = new SigningSecret(claims.secretAccessKey());
        }

        public RoleSessionClaims claims() {
            return claims;
        }

        public SigningSecret signingSecret() {
            return signingSecret;
        }

        private boolean answers(String presentedToken, CredentialSealer currentSealer, Instant now) {
            return sealer == currentSealer && now.isBefore(claims.expiresAt())
                    && constantTimeEquals(sessionToken, presentedToken);
        }

        @Override
        public String toString() {
            return "UnsealedSession[accessKeyId=" + claims.accessKeyId() + ", expiresAt=" + claims.expiresAt() + "]";
        }
    }

    private final BoundedLruMap<String, UnsealedSession> sessions;

    public UnsealedSessionCache(int maxEntries) {
        this.sessions = new BoundedLruMap<>(maxEntries);
    }

    /**
     * The session the token seals, if {@code sealer} opens it and it was issued to {@code accessKeyId}. The
     * claims may have expired: the caller decides how to refuse that; expired sessions are not kept.
     */
    public Optional<UnsealedSession> unseal(String accessKeyId, String sessionToken, CredentialSealer sealer,
                                            Instant now) {
        UnsealedSession cached = sessions.get(accessKeyId);
        if (cached != null && cached.answers(sessionToken, sealer, now)) {
            return Optional.of(cached);
        }
        if (cached != null && !now.isBefore(cached.claims.expiresAt())) {
            sessions.remove(accessKeyId, cached);
        }
        Optional<RoleSessionClaims> claims = sealer.unseal(sessionToken)
                .filter(c -> c.accessKeyId().equals(accessKeyId));
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        UnsealedSession unsealed = new UnsealedSession(sessionToken, sealer, claims.get());
        if (now.isBefore(unsealed.claims.expiresAt())) {
            sessions.put(accessKeyId, unsealed);
        }
        return Optional.of(unsealed);
    }

    int size() {
        return sessions.size();
    }

    /** The time taken does not depend on where two tokens of the same length first differ. */
    private static boolean constantTimeEquals(String expected, String presented) {
        if (expected.length() != presented.length()) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < expected.length(); i++) {
            difference |= expected.charAt(i) ^ presented.charAt(i);
        }
        return difference == 0;
    }
}
