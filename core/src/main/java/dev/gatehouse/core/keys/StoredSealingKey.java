package dev.gatehouse.core.keys;

import java.time.Instant;

/**
 * A sealing key as the database holds it: encrypted under the master key ({@code wrapped}), or — in a
 * database created before keys were encrypted — its plain secret, until the next start wraps it.
 */
public record StoredSealingKey(int keyId, byte[] material, boolean wrapped, Instant createdAt) { }
