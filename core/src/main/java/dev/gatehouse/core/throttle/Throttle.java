package dev.gatehouse.core.throttle;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses subjects that failed too often and counts their failures, in the database so that every server node
 * applies the same counts. A refused attempt is not a failure: it neither lengthens the wait nor reaches the
 * check it guards (a password hash, a code lookup).
 *
 * <p>{@link #requireAllowed} alone checks attempts that arrive at the same moment before any of them is counted, so
 * a burst can exceed the free failures by the number of requests in flight. Where that matters (second factors),
 * {@link #requireAllowedInTurn} inside the transaction that verifies and counts takes attempts one at a time.
 */
public final class Throttle {

    /**
     * One thing that is counted: its kind (for the audit trail) and the hash of its name, compared
     * case-insensitively, so "Ed.Developer" and "ed.developer" share one count.
     */
    public record Subject(String kind, String key, ThrottlePolicy policy) {

        public static Subject of(String kind, String name, ThrottlePolicy policy) {
            String normalized = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            return new Subject(kind, Secrets.hash(kind + ":" + normalized), policy);
        }
    }

    /** A subject that a failure has just locked out, and until when. */
    public record Lockout(Subject subject, int failures, Instant until) { }

    private final FailedAttemptRepository attempts;
    private final Clock clock;
    private final ThrottleObserver observer;

    public Throttle(FailedAttemptRepository attempts, Clock clock) {
        this(attempts, clock, ThrottleObserver.NONE);
    }

    public Throttle(FailedAttemptRepository attempts, Clock clock, ThrottleObserver observer) {
        this.attempts = attempts;
        this.clock = clock;
        this.observer = observer;
    }

    /** Throws TooManyRequests, saying how long to wait, when any of the subjects must still wait. */
    public void requireAllowed(List<Subject> subjects, String what) {
        Instant now = clock.instant();
        Optional<Instant> until = subjects.stream()
                .flatMap(s -> attempts.find(s.key()).flatMap(a -> s.policy().refusedUntil(a, now)).stream())
                .max(Instant::compareTo);
        if (until.isPresent()) {
            observer.refused(what);
            throw new DomainException(new DomainError.TooManyRequests(
                    "Too many " + what + ". Try again in " + minutes(Duration.between(now, until.get())) + "."));
        }
    }

    /**
     * {@link #requireAllowed} for one subject, holding its count until the caller's transaction ends: a racing
     * attempt waits for this one to be counted, then is checked against it.
     */
    public void requireAllowedInTurn(Subject subject, String what) {
        attempts.lock(subject.key());
        requireAllowed(List.of(subject), what);
    }

    /** Counts one failure for each subject; returns the lockouts it caused. */
    public List<Lockout> recordFailure(List<Subject> subjects) {
        Instant now = clock.instant();
        List<Lockout> lockouts = new ArrayList<>();
        for (Subject subject : subjects) {
            FailedAttempts counted = attempts.recordFailure(subject.key(), now,
                    now.minus(subject.policy().forgetAfter()));
            if (subject.policy().locksOut(counted.failures())) {
                lockouts.add(new Lockout(subject, counted.failures(),
                        now.plus(subject.policy().waitAfter(counted.failures()))));
            }
        }
        return lockouts;
    }

    public void succeeded(Subject subject) {
        attempts.clear(subject.key());
    }

    /** Whole minutes, rounded up, so "1 minute" never means "a few seconds more". */
    static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
