package dev.gatehouse.core.throttle;

/**
 * Told of every attempt a throttle or rate limit refused, so that operators can watch brute force and floods (the
 * server counts them in its metrics). Called on the refused request's thread; it must be cheap and never throw.
 */
@FunctionalInterface
public interface ThrottleObserver {

    ThrottleObserver NONE = what -> { };

    /** @param what the attempts refused, as the refusal names them, e.g. {@code failed sign-ins} */
    void refused(String what);
}
