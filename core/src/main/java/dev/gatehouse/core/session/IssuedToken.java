package dev.gatehouse.core.session;

import java.time.Instant;

/**
 * An access or refresh token, kept only as the hash of its value.
 *
 * @param usedAt for refresh tokens: when it was rotated; presenting it again is refused
 */
public record IssuedToken(String tokenHash, TokenType type, String sessionId, String clientId, Instant issuedAt,
                          Instant expiresAt, Instant usedAt) { }
