package dev.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * Bounded, thread-safe LRU cache of derived signing keys. A key is valid for a whole day and scope, so
 * caching saves four HMACs per request for busy callers. Each entry lends out MACs already keyed with the
 * signing key ({@link KeyedMacs}). Callers that keep their credentials between requests skip this cache and
 * its SHA-256 of the secret with a {@link SigningSecret}.
 */
public final class SigningKeyCache {

    /**
     * Entries are keyed by a SHA-256 of the secret rather than the secret itself, so the cache keeps no
     * secret strings alive; a rotated secret simply misses and derives a new key.
     */
    private record CacheKey(String secretFingerprint, CredentialScope scope) {
    }

    private final BoundedLruMap<CacheKey, KeyedMacs> keys;

    public SigningKeyCache(int maxEntries) {
        this.keys = new BoundedLruMap<>(maxEntries);
    }

    /** The signing key for the secret and scope. The array is shared: callers must not modify it. */
    byte[] signingKey(String secretAccessKey, CredentialScope scope) {
        return keyedMacs(secretAccessKey, scope).signingKey();
    }

    /** HMACs under the signing key for the secret and scope. */
    KeyedMacs keyedMacs(String secretAccessKey, CredentialScope scope) {
        CacheKey key = new CacheKey(Hashing.sha256Hex(secretAccessKey.getBytes(StandardCharsets.UTF_8)), scope);
        KeyedMacs cached = keys.get(key);
        if (cached != null) {
            return cached;
        }
        // Derived outside the map's lock so a miss does not stall other threads; a race derives twice, harmlessly.
        return keys.putIfAbsent(key, new KeyedMacs(SigningKeyDerivation.derive(secretAccessKey, scope)));
    }

    int size() {
        return keys.size();
    }
}
