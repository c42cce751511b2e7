package dev.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

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

    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<CacheKey, KeyedMacs> keys;

    public SigningKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        // Access order plus removeEldestEntry is an LRU; every access mutates the map, hence the lock.
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, KeyedMacs> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The signing key for the secret and scope. The array is shared: callers must not modify it. */
    byte[] signingKey(String secretAccessKey, CredentialScope scope) {
        return keyedMacs(secretAccessKey, scope).signingKey();
    }

    /** HMACs under the signing key for the secret and scope. */
    KeyedMacs keyedMacs(String secretAccessKey, CredentialScope scope) {
        CacheKey key = new CacheKey(Hashing.sha256Hex(secretAccessKey.getBytes(StandardCharsets.UTF_8)), scope);
        lock.lock();
        try {
            KeyedMacs cached = keys.get(key);
            if (cached != null) {
                return cached;
            }
        } finally {
            lock.unlock();
        }
        // Derived outside the lock so a miss does not stall other threads; a race derives twice, harmlessly.
        KeyedMacs derived = new KeyedMacs(SigningKeyDerivation.derive(secretAccessKey, scope));
        lock.lock();
        try {
            KeyedMacs raced = keys.putIfAbsent(key, derived);
            return raced != null ? raced : derived;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return keys.size();
        } finally {
            lock.unlock();
        }
    }
}
