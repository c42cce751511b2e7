package dev.gatehouse.authz.client;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Recent decisions, keyed on a SHA-256 of the whole question: the forwarded request with its signature, every
 * header and the body, plus action, resource and facts. A request that differs in any byte, a forged signature
 * included, misses and goes to Gatehouse, so the cache can never skip signature verification. Bounded in size
 * (least recently used go first) and in time: a cached allow outlives a revocation by at most the time to live.
 */
final class DecisionCache {

    private record Cached(AuthorizationDecision decision, Instant expiresAt) { }

    private final Clock clock;
    private final Duration timeToLive;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<ByteBuffer, Cached> entries;

    DecisionCache(Clock clock, Duration timeToLive, int maxEntries) {
        this.clock = clock;
        this.timeToLive = timeToLive;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Cached> eldest) {
                return size() > maxEntries;
            }
        };
    }

    AuthorizationDecision get(byte[] question) {
        if (timeToLive.isZero()) {
            return null;
        }
        ByteBuffer key = key(question);
        lock.lock();
        try {
            Cached entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (!clock.instant().isBefore(entry.expiresAt())) {
                entries.remove(key);
                return null;
            }
            return entry.decision();
        } finally {
            lock.unlock();
        }
    }

    void put(byte[] question, AuthorizationDecision decision) {
        if (timeToLive.isZero()) {
            return;
        }
        ByteBuffer key = key(question);
        lock.lock();
        try {
            entries.put(key, new Cached(decision, clock.instant().plus(timeToLive)));
        } finally {
            lock.unlock();
        }
    }

    private static ByteBuffer key(byte[] question) {
        return ByteBuffer.wrap(CallSigner.sha256(question));
    }
}
