package dev.gatehouse.core.ratelimit;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.throttle.ThrottleObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a source address), kept as one instant per key: the generic cell rate algorithm. A key
 * may make {@link Rate#burst()} calls at once, then one per {@link Rate#interval()}; time comes from the injected
 * clock. Buckets live in this node's memory, so several nodes each allow the rate; at most {@code maxKeys} are kept
 * (full buckets are forgotten first, as they are the same as no bucket), so many addresses cannot exhaust memory.
 */
public final class RateLimiter {

    /** How many keys are remembered before full buckets are swept. */
    static final int MAX_KEYS = 100_000;

    /**
     * @param burst    calls a key may make at once
     * @param interval how long until one more is allowed
     */
    public record Rate(int burst, Duration interval) {

        public Rate {
            if (burst < 1 || interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a rate allows at least one call per positive interval");
            }
        }
    }

    private final String what;
    private final String from;
    private final Rate rate;
    private final Clock clock;
    private final int maxKeys;
    private final ThrottleObserver observer;
    /** Per key, when its bucket is full again (GCRA's theoretical arrival time). */
    private final ConcurrentHashMap<String, Instant> fullAt = new ConcurrentHashMap<>();

    /** @param what the calls limited, for the refusal, e.g. {@code client registrations} */
    public RateLimiter(String what, Rate rate, Clock clock) {
        this(what, "from this address", rate, clock, MAX_KEYS, ThrottleObserver.NONE);
    }

    /** @param from what a key is, for the refusal, e.g. {@code with this token} */
    public RateLimiter(String what, String from, Rate rate, Clock clock) {
        this(what, from, rate, clock, MAX_KEYS, ThrottleObserver.NONE);
    }

    /** @param observer told of each refused call */
    public RateLimiter(String what, String from, Rate rate, Clock clock, ThrottleObserver observer) {
        this(what, from, rate, clock, MAX_KEYS, observer);
    }

    RateLimiter(String what, Rate rate, Clock clock, int maxKeys) {
        this(what, "from this address", rate, clock, maxKeys, ThrottleObserver.NONE);
    }

    private RateLimiter(String what, String from, Rate rate, Clock clock, int maxKeys, ThrottleObserver observer) {
        this.what = what;
        this.from = from;
        this.rate = rate;
        this.clock = clock;
        this.maxKeys = maxKeys;
        this.observer = observer;
    }

    /**
     * Takes one call from {@code key}'s bucket.
     *
     * @throws DomainException TooManyRequests, saying when to try again, when the bucket is empty
     */
    public void acquire(String key) {
        Instant now = clock.instant();
        Duration tolerance = rate.interval().multipliedBy(rate.burst() - 1L);
        Duration[] wait = {Duration.ZERO};
        fullAt.compute(key == null ? "" : key, (k, stored) -> {
            Instant start = stored == null || stored.isBefore(now) ? now : stored;
            Duration ahead = Duration.between(now, start);
            if (ahead.compareTo(tolerance) > 0) {
                wait[0] = ahead.minus(tolerance);
                return stored;
            }
            return start.plus(rate.interval());
        });
        if (!wait[0].isZero()) {
            observer.refused(what);
            long seconds = Math.max(1, (wait[0].toMillis() + 999) / 1000);
            throw new DomainException(new DomainError.TooManyRequests("Too many " + what
                    + " " + from + "; try again in " + seconds + " second" + (seconds == 1 ? "" : "s") + "."));
        }
        if (fullAt.size() > maxKeys) {
            sweep(now);
        }
    }

    /** Forgets full buckets; if that is not enough, forgets all, preferring memory to memory of abuse. */
    private void sweep(Instant now) {
        fullAt.values().removeIf(full -> !full.isAfter(now));
        if (fullAt.size() > maxKeys) {
            fullAt.clear();
        }
    }

    int keys() {
        return fullAt.size();
    }
}
