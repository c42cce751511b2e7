package dev.gatehouse.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator on virtual threads: each worker sends its next request as soon as the previous
 * one is answered, like one wrk connection. Needed where wrk cannot replay requests, because each answer
 * feeds the next request (refresh-token rotation).
 */
final class ClosedLoopLoad {

    /** One worker's next request. */
    @FunctionalInterface
    interface Call {
        /** @return false when the worker cannot go on (its answer was not a success) */
        boolean call() throws Exception;
    }

    record Result(long requests, long failures, double seconds, double p50Micros, double p99Micros) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private ClosedLoopLoad() {
    }

    static Result run(List<? extends Call> workers, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong failures = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (Call worker : workers) {
            LatencyLog log = new LatencyLog();
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        boolean ok = worker.call();
                        log.add(System.nanoTime() - sent);
                        if (!ok) {
                            failures.incrementAndGet();
                            return;
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    synchronized (latencies) {
                        latencies.add(log.toArray());
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, failures.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e3;
    }

    /** A growable array of nanosecond latencies, owned by one worker. */
    private static final class LatencyLog {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
