package dev.gatehouse.core.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How a repository call of the in-memory store runs: under the store's one lock, so that a call outside a
 * transaction is a statement of its own and a call inside one joins it (the lock is reentrant). Reads are counted
 * by repository method, so tests can say how often a request went to the store.
 */
final class Statements {

    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentMap<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    ReentrantLock lock() {
        return lock;
    }

    /** A query, counted under {@code method} (e.g. "PendingSignInRepository.find"). */
    <T> T read(String method, Supplier<T> query) {
        reads.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        return locked(query);
    }

    /** A statement that changes rows; it checks every constraint before it writes, so it fails whole or not at all. */
    <T> T write(Supplier<T> statement) {
        writes.incrementAndGet();
        return locked(statement);
    }

    private <T> T locked(Supplier<T> statement) {
        lock.lock();
        try {
            return statement.get();
        } finally {
            lock.unlock();
        }
    }

    void run(Runnable statement) {
        write(() -> {
            statement.run();
            return null;
        });
    }

    int reads(String method) {
        AtomicInteger count = reads.get(method);
        return count == null ? 0 : count.get();
    }

    Map<String, Integer> allReads() {
        Map<String, Integer> all = new TreeMap<>();
        reads.forEach((method, count) -> all.put(method, count.get()));
        return all;
    }

    int writes() {
        return writes.get();
    }

    void resetReads() {
        reads.clear();
        writes.set(0);
    }
}
