package dev.gatehouse.core.keys;

import java.time.Instant;

/** An AES-256 key that seals role-credential session tokens. The newest active key seals; all verify. */
public record SealingKey(int keyId, byte[] secret, Instant createdAt) { }
