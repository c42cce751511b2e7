package dev.gatehouse.core.oidc;

import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers when each device code was last polled, in memory, so a pending poll writes nothing to the
 * database. Behind a load balancer each node keeps its own: a client that alternates nodes may poll up to
 * twice as fast before it is told to slow down, which RFC 8628 tolerates.
 */
public final class PollTracker {

    private static final int PRUNE_ABOVE = 50_000;

    private record LastPoll(Instant at, boolean graceUsed) { }

    private final ConcurrentMap<String, LastPoll> lastPoll = new ConcurrentHashMap<>();

    /**
     * Records this poll; throws SlowDown when it comes sooner than {@code interval} after the previous one.
     * One early poll per device code is let through: the AWS CLI polls once before showing the code and
     * again at once when its loop starts, and a slow_down there would cost every login 5 extra seconds.
     */
    void poll(String deviceCodeHash, Duration interval, Instant now) {
        LastPoll previous = lastPoll.get(deviceCodeHash);
        boolean early = previous != null && now.isBefore(previous.at().plus(interval));
        boolean graceUsed = previous != null && previous.graceUsed();
        lastPoll.put(deviceCodeHash, new LastPoll(now, graceUsed || early));
        if (early && graceUsed) {
            throw new DomainException(new DomainError.SlowDown());
        }
        if (lastPoll.size() > PRUNE_ABOVE) {
            Instant horizon = now.minus(Duration.ofMinutes(15));
            lastPoll.values().removeIf(poll -> poll.at().isBefore(horizon));
        }
    }

    void forget(String deviceCodeHash) {
        lastPoll.remove(deviceCodeHash);
    }
}
