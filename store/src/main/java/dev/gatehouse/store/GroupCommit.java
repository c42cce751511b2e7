package dev.gatehouse.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Commits the items of many threads together: each caller hands its item over and waits; one writer thread takes
 * everything pending, commits it in one transaction ({@code commit}) and then releases every caller of that batch.
 * A caller returns only once its item is committed, so durability is that of a write of its own, while concurrent
 * callers share one transaction (and, on H2, one write to the file) instead of paying one each.
 *
 * <p>At most {@code capacity} items wait: beyond that, callers wait for room (back-pressure, never an unbounded
 * queue). When {@code commit} throws, every caller of that batch gets the same exception. {@link #close} refuses new
 * items and returns once everything already handed over is committed (or has failed).
 */
final class GroupCommit<T> implements AutoCloseable {

    private record Pending<T>(T item, CompletableFuture<Void> committed) { }

    private final String name;
    private final Consumer<List<T>> commit;
    private final int capacity;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Pending<T>> pending = new ArrayDeque<>();
    private boolean closed;
    /** Started with the first item, so that a store never written through holds no thread. */
    private Thread writer;

    GroupCommit(String name, Consumer<List<T>> commit, int capacity, int maxBatch) {
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive");
        }
        this.name = name;
        this.commit = commit;
        this.capacity = capacity;
        this.maxBatch = maxBatch;
    }

    /**
     * Returns once {@code item} is committed; throws what the commit of its batch threw, or IllegalStateException
     * when closed.
     */
    void submit(T item) {
        Pending<T> entry = new Pending<>(item, new CompletableFuture<>());
        lock.lock();
        try {
            while (!closed && pending.size() >= capacity) {
                notFull.awaitUninterruptibly();
            }
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            pending.add(entry);
            if (writer == null) {
                writer = Thread.ofPlatform().daemon().name(name).start(this::writeUntilClosed);
            }
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
        try {
            entry.committed().join();
        } catch (CompletionException e) {
            // The commit's own exception, so that callers see the same failure as when they wrote alone.
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                case null, default -> throw e;
            }
        }
    }

    private void writeUntilClosed() {
        List<Pending<T>> batch;
        while (!(batch = next()).isEmpty()) {
            List<T> items = new ArrayList<>(batch.size());
            batch.forEach(entry -> items.add(entry.item()));
            Throwable failure = null;
            try {
                commit.accept(items);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (Pending<T> entry : batch) {
                if (failure == null) {
                    entry.committed().complete(null);
                } else {
                    entry.committed().completeExceptionally(failure);
                }
            }
        }
    }

    /** Everything pending, up to {@code maxBatch}; waits while there is nothing. Empty: closed and drained. */
    private List<Pending<T>> next() {
        lock.lock();
        try {
            while (pending.isEmpty() && !closed) {
                notEmpty.awaitUninterruptibly();
            }
            List<Pending<T>> batch = new ArrayList<>(Math.min(pending.size(), maxBatch));
            while (!pending.isEmpty() && batch.size() < maxBatch) {
                batch.add(pending.poll());
            }
            notFull.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** How many items wait for the writer (not counting a batch being committed). */
    int pending() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new items; returns when the ones handed over before are committed or failed. */
    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            closed = true;
            running = writer;
            notEmpty.signal();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        if (running != null) {
            boolean interrupted = false;
            while (running.isAlive()) {
                try {
                    running.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
