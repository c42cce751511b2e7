package dev.gatehouse.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rule that keeps a racing read from serving a stale row: an entry is valid only from before its read. */
class ReadCacheTest {

    private final ReadCache cache = new ReadCache(100);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    @Test
    void servesWhatItReadUntilTheKeyIsInvalidated() {
        assertThat(cache.get("k", () -> load("v1"), v -> true, true)).isEqualTo("v1");
        assertThat(cache.get("k", () -> load("v2"), v -> true, true)).isEqualTo("v1");
        cache.invalidate("k");
        assertThat(cache.get("k", () -> load("v2"), v -> true, true)).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aReadOverlappingAnInvalidationIsNeverServed() {
        // The write commits and invalidates while this read is between its database read and its store.
        assertThat(cache.get("k", () -> {
            String old = load("old");
            cache.invalidate("k");
            return old;
        }, v -> true, true)).isEqualTo("old");
        assertThat(cache.get("k", () -> load("new"), v -> true, true)).isEqualTo("new");
        assertThat(cache.get("k", () -> load("newer"), v -> true, true)).isEqualTo("new");
    }

    @Test
    void aReadOverlappingAClearOfTheWholeCacheIsNeverServed() {
        cache.get("k", () -> {
            String old = load("old");
            cache.invalidateAll();
            return old;
        }, v -> true, true);
        assertThat(cache.get("k", () -> load("new"), v -> true, true)).isEqualTo("new");
    }

    @Test
    void nullsAndRefusedValuesAreNotStored() {
        cache.get("absent", () -> load(null), v -> true, true);
        cache.get("refused", () -> load("x"), v -> false, true);
        assertThat(cache.size()).isZero();
        cache.get("absent", () -> load(null), v -> true, true);
        assertThat(loads).hasValue(3);
    }

    @Test
    void untrustedReadsGoToTheDatabaseAndStoreNothing() {
        cache.get("k", () -> load("v"), v -> true, false);
        cache.get("k", () -> load("v"), v -> true, false);
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}
