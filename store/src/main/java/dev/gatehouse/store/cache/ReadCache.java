package dev.gatehouse.store.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One read cache. An entry is served only while nothing invalidated its key since <em>before</em> the database read
 * that produced it: each entry keeps the generation of its key's stripe and the cache's epoch as they were when the
 * read began, and an invalidation bumps them. So a read racing a write can store the old row, but never serve it
 * after the write's invalidation; and an invalidation needs no lock and cannot be lost to a concurrent put.
 */
final class ReadCache {

    private static final int STRIPES = 1024;

    /** An unnoticed edit (by hand, in SQL) is served at most this long. */
    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    private record Entry(Object value, long epoch, long generation, long storedAt) { }

    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    private final AtomicLong epoch = new AtomicLong();

    ReadCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * The cached value of {@code key}, else what {@code load} reads (stored when not null and {@code storable}).
     *
     * @param mayStore false to read through without storing (the caches are not trusted right now)
     */
    @SuppressWarnings("unchecked")
    <V> V get(String key, Supplier<V> load, Predicate<? super V> storable, boolean mayStore) {
        if (!mayStore) {
            return load.get();
        }
        int stripe = stripe(key);
        long epochBefore = epoch.get();
        long generationBefore = generations.get(stripe);
        Entry entry = entries.get(key);
        long now = System.nanoTime();
        if (entry != null && entry.epoch() == epochBefore && entry.generation() == generationBefore
                && now - entry.storedAt() < MAX_AGE_NANOS) {
            return (V) entry.value();
        }
        V value = load.get();
        if (value != null && storable.test(value)) {
            if (entries.size() >= maxEntries) {
                entries.clear();   // crude but safe: removing an entry is always allowed
            }
            entries.put(key, new Entry(value, epochBefore, generationBefore, now));
        }
        return value;
    }

    /** Whatever is stored for {@code key} (and its stripe) is no longer served. */
    void invalidate(String key) {
        generations.incrementAndGet(stripe(key));
        entries.remove(key);
    }

    /** Nothing stored so far is served again. */
    void invalidateAll() {
        epoch.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private static int stripe(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
