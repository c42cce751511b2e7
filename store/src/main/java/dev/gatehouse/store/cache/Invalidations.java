package dev.gatehouse.store.cache;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The caches of one node and the rules that keep them exact:
 * <ul>
 *   <li>A write through a caching repository invalidates its key at once, tells the other nodes (in the same
 *   transaction), and invalidates it again when the outermost transaction ends: a read that began before the commit
 *   may have stored the old row, and this second invalidation is what keeps it from being served.</li>
 *   <li>Inside a transaction that wrote to a cache, that cache is bypassed for the rest of the transaction, so an
 *   uncommitted row is never stored where other requests would see it.</li>
 *   <li>While the caches are not trusted (cross-node notifications not being received), every read goes to the
 *   database; when trust returns, everything stored before is dropped.</li>
 * </ul>
 */
public final class Invalidations {

    private static final int MAX_ENTRIES = 100_000;
    private static final String WHOLE_CACHE = "*";

    /** What this thread's transaction wrote: caches it must bypass, keys to invalidate again once it ends. */
    private static final class Written {
        final Set<CacheName> caches = EnumSet.noneOf(CacheName.class);
        final List<Runnable> afterEnd = new ArrayList<>();
    }

    private final Map<CacheName, ReadCache> caches = new EnumMap<>(CacheName.class);
    private final ThreadLocal<Written> transaction = new ThreadLocal<>();
    private final ChangeNotifier notifier;
    private final BooleanSupplier trusted;

    /**
     * @param notifier tells the other nodes
     * @param trusted  whether cached entries may be served now (on PostgreSQL: the change listener is connected)
     */
    public Invalidations(ChangeNotifier notifier, BooleanSupplier trusted) {
        this.notifier = notifier;
        this.trusted = trusted;
        for (CacheName name : CacheName.values()) {
            caches.put(name, new ReadCache(MAX_ENTRIES));
        }
    }

    /** For one node alone (embedded database): nothing to tell, always trusted. */
    public static Invalidations local() {
        return new Invalidations(ChangeNotifier.NONE, () -> true);
    }

    /** Whether cached entries may be served now (false while cross-node notifications are not being heard). */
    public boolean trusted() {
        return trusted.getAsBoolean();
    }

    /** The value cached under {@code key}, else what {@code load} reads; null values are not cached. */
    <V> V read(CacheName cache, String key, Supplier<V> load) {
        return read(cache, key, load, value -> true);
    }

    /** As {@link #read(CacheName, String, Supplier)}, storing only values {@code storable} accepts. */
    <V> V read(CacheName cache, String key, Supplier<V> load, Predicate<? super V> storable) {
        Written written = transaction.get();
        boolean mayStore = trusted() && (written == null || !written.caches.contains(cache));
        return caches.get(cache).get(key, load, storable, mayStore);
    }

    /** After a write through a caching repository: the key's cached value is stale on every node. */
    void changed(CacheName cache, String key) {
        invalidateLocally(cache, key);
        notifier.send(cache.wireName() + ":" + key);
    }

    /**
     * After an insert: no node can hold the new key, but this transaction must not store its own uncommitted row
     * where others would read it (and a key reused after a deletion must be read afresh).
     */
    void inserted(CacheName cache, String key) {
        invalidateLocally(cache, key);
    }

    /** After a write whose effect on the cache's keys is not known one by one. */
    void changedAll(CacheName cache) {
        changed(cache, WHOLE_CACHE);
    }

    private void invalidateLocally(CacheName cache, String key) {
        Runnable invalidate = WHOLE_CACHE.equals(key) ? caches.get(cache)::invalidateAll
                : () -> caches.get(cache).invalidate(key);
        invalidate.run();
        Written written = transaction.get();
        if (written != null) {
            written.caches.add(cache);
            written.afterEnd.add(invalidate);
        }
    }

    /** Runs the outermost transaction of this thread, tracking what it writes; nested calls just run. */
    <T> T aroundTransaction(Supplier<T> work) {
        if (transaction.get() != null) {
            return work.get();
        }
        Written written = new Written();
        transaction.set(written);
        try {
            return work.get();
        } finally {
            transaction.remove();
            written.afterEnd.forEach(Runnable::run);   // committed or rolled back: either way, read it afresh
        }
    }

    /** A notification from another node (or our own, echoed): {@code <cache>:<key>}. Unknown ones drop everything. */
    public void received(String payload) {
        int colon = payload.indexOf(':');
        try {
            CacheName cache = CacheName.fromWire(payload.substring(0, Math.max(colon, 0)));
            String key = payload.substring(colon + 1);
            if (WHOLE_CACHE.equals(key)) {
                caches.get(cache).invalidateAll();
            } else {
                caches.get(cache).invalidate(key);
            }
        } catch (IllegalArgumentException e) {
            dropAll();
        }
    }

    /** Nothing cached so far is served again: when notifications may have been missed. */
    public void dropAll() {
        caches.values().forEach(ReadCache::invalidateAll);
    }

    /** How many entries each cache holds, for tests and metrics. */
    public int size(CacheName cache) {
        return caches.get(cache).size();
    }
}
