package dev.gatehouse.core.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A sealer over the current sealing keys, re-read every minute: a key added by {@code admin keys rotate} (another
 * process, or another node) becomes known to a running server without a restart, well before it starts sealing
 * (a new key seals only once five minutes old). Without this, a node started before a rotation could not open
 * what a node started after it sealed. Should a re-read fail (the database away), the keys already read keep
 * serving.
 *
 * @param <T> the sealer built over the keys: {@link CredentialSealer} for session tokens, or the
 *            {@code SecretSealer} of MFA secrets and service credentials
 */
public final class RefreshingSealer<T> implements Supplier<T> {

    static final Duration REFRESH = Duration.ofMinutes(1);

    private final Supplier<List<SealingKey>> keys;
    private final Function<List<SealingKey>, T> sealerOver;
    private final Clock clock;
    private volatile T sealer;
    private volatile Instant readAt;

    public RefreshingSealer(Supplier<List<SealingKey>> keys, Function<List<SealingKey>, T> sealerOver, Clock clock) {
        this.keys = keys;
        this.sealerOver = sealerOver;
        this.clock = clock;
        this.sealer = sealerOver.apply(keys.get());
        this.readAt = clock.instant();
    }

    @Override
    public T get() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(REFRESH))) {
            return sealer;
        }
        synchronized (this) {
            if (!now.isBefore(readAt.plus(REFRESH))) {
                readAt = now;
                try {
                    sealer = sealerOver.apply(keys.get());
                } catch (RuntimeException e) {
                    // Keep the keys already read; the next minute tries again.
                }
            }
        }
        return sealer;
    }
}
