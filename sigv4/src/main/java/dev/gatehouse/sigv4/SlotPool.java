package dev.gatehouse.sigv4;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A few reusable objects (digests, keyed MACs with their buffers) shared by all threads. Requests run on
 * virtual threads, so a ThreadLocal would hold one copy per request and reuse nothing; a handful of slots
 * covers the carrier threads. Taking and giving back allocate nothing; when every slot is in use the
 * caller gets a new object, and one given back to a full pool is dropped.
 */
final class SlotPool<T> {

    private final AtomicReferenceArray<T> slots;
    private final int mask;
    private final Supplier<T> factory;

    /** @param slots a power of two */
    SlotPool(int slots, Supplier<T> factory) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two");
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
        this.factory = factory;
    }

    T take() {
        int start = start();
        for (int i = 0; i <= mask; i++) {
            int slot = (start + i) & mask;
            if (slots.getPlain(slot) != null) {
                T taken = slots.getAndSet(slot, null);
                if (taken != null) {
                    return taken;
                }
            }
        }
        return factory.get();
    }

    /** Only objects in their initial state may come back: the next taker uses them as they are. */
    void give(T object) {
        int start = start();
        for (int i = 0; i <= mask; i++) {
            int slot = (start + i) & mask;
            if (slots.getPlain(slot) == null && slots.compareAndSet(slot, null, object)) {
                return;
            }
        }
    }

    /** Threads start their search at different slots, so two carriers rarely contend for one. */
    private int start() {
        return (int) Thread.currentThread().threadId() & mask;
    }
}
