package dev.gatehouse.sigv4;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A map holding at most a fixed number of entries, dropping the least recently used first, safe to share between
 * request threads. Every read reorders the entries, hence one lock around each call.
 */
public final class BoundedLruMap<K, V> {

    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<K, V> entries;

    public BoundedLruMap(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The value for the key, or null; counts as a use. */
    public V get(K key) {
        lock.lock();
        try {
            return entries.get(key);
        } finally {
            lock.unlock();
        }
    }

    public void put(K key, V value) {
        lock.lock();
        try {
            entries.put(key, value);
        } finally {
            lock.unlock();
        }
    }

    /** Keeps the value unless another thread got there first; returns the one now held. */
    public V putIfAbsent(K key, V value) {
        lock.lock();
        try {
            V raced = entries.putIfAbsent(key, value);
            return raced != null ? raced : value;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the entry only while it still holds this value. */
    public void remove(K key, V value) {
        lock.lock();
        try {
            entries.remove(key, value);
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }
}
