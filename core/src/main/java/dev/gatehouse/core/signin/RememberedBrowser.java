package dev.gatehouse.core.signin;

import java.time.Instant;

/**
 * A browser that passed MFA as this user, which context-aware MFA lets skip the second factor until
 * {@code expiresAt}. The browser holds a random value; only its SHA-256 is stored.
 *
 * @param binding a hash of the user's password hash and confirmed MFA devices when it was remembered: a new
 *                password or a device added or removed changes it, and the browser is no longer remembered
 */
public record RememberedBrowser(String secretHash, String userId, String binding, Instant createdAt,
                                Instant expiresAt) { }
