package dev.gatehouse.core.token;

import dev.gatehouse.core.model.SealingKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The credential sealer over the current sealing keys, re-read every minute: a key added by
 * {@code admin keys rotate} (another process) becomes known to a running server without a restart, well before
 * it starts sealing. Should a re-read fail (the database away), the keys already read keep serving.
 */
public final class RefreshingSealer implements Supplier<CredentialSealer> {

    static final Duration REFRESH = Duration.ofMinutes(1);

    private final Supplier<List<SealingKey>> keys;
    private final Clock clock;
    private volatile CredentialSealer sealer;
    private volatile Instant readAt;

    public RefreshingSealer(Supplier<List<SealingKey>> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.sealer = new CredentialSealer(keys.get());
        this.readAt = clock.instant();
    }

    @Override
    public CredentialSealer get() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(REFRESH))) {
            return sealer;
        }
        synchronized (this) {
            if (!now.isBefore(readAt.plus(REFRESH))) {
                readAt = now;
                try {
                    sealer = new CredentialSealer(keys.get());
                } catch (RuntimeException e) {
                    // Keep the keys already read; the next minute tries again.
                }
            }
        }
        return sealer;
    }
}
