package dev.gatehouse.core.password;

import java.time.Instant;

/** A one-time link with which a user sets their password. Only the hash of its token is kept. */
public record ActivationLink(String tokenHash, String userId, Instant createdAt, Instant expiresAt, Instant usedAt) {

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
