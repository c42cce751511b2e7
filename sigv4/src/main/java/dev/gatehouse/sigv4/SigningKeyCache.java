package dev.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;

/**
 * Bounded, thread-safe LRU cache of derived signing keys. A key is valid for a whole day and scope, so
 * caching saves four HMACs per request for busy callers. Each entry also keeps a MAC already keyed with the
 * signing key, which callers clone: that skips re-keying (two of an HMAC's four hash blocks) per request.
 */
public final class SigningKeyCache {

    /**
     * Entries are keyed by a SHA-256 of the secret rather than the secret itself, so the cache keeps no
     * secret strings alive; a rotated secret simply misses and derives a new key.
     */
    private record CacheKey(String secretFingerprint, CredentialScope scope) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    /** The derived key and a MAC keyed with it, never used itself, only cloned. */
    private record KeyEntry(byte[] signingKey, Mac keyedMac) {

        static KeyEntry derive(String secretAccessKey, CredentialScope scope) {
            byte[] key = SigningKeyDerivation.derive(secretAccessKey, scope);
            return new KeyEntry(key, Hashing.hmacSha256(key));
        }

        Mac freshMac() {
            try {
                return (Mac) keyedMac.clone();
            } catch (CloneNotSupportedException e) {
                return Hashing.hmacSha256(signingKey);
            }
        }
    }

    private final LinkedHashMap<CacheKey, KeyEntry> keys;

    public SigningKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        // Access order plus removeEldestEntry is an LRU; every access mutates the map, hence the lock.
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, KeyEntry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The signing key for the secret and scope. The array is shared: callers must not modify it. */
    byte[] signingKey(String secretAccessKey, CredentialScope scope) {
        return entry(secretAccessKey, scope).signingKey();
    }

    /** A MAC of its own for the caller, keyed with the signing key for the secret and scope. */
    Mac keyedMac(String secretAccessKey, CredentialScope scope) {
        return entry(secretAccessKey, scope).freshMac();
    }

    private KeyEntry entry(String secretAccessKey, CredentialScope scope) {
        CacheKey key = new CacheKey(Hashing.sha256Hex(secretAccessKey.getBytes(StandardCharsets.UTF_8)), scope);
        lock.lock();
        try {
            KeyEntry cached = keys.get(key);
            if (cached != null) {
                return cached;
            }
        } finally {
            lock.unlock();
        }
        // Derived outside the lock so a miss does not stall other threads; a race derives twice, harmlessly.
        KeyEntry derived = KeyEntry.derive(secretAccessKey, scope);
        lock.lock();
        try {
            KeyEntry raced = keys.putIfAbsent(key, derived);
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
