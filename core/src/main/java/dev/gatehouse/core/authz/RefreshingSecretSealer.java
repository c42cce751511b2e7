package dev.gatehouse.core.authz;

import dev.gatehouse.core.mfa.SecretSealer;
import dev.gatehouse.core.model.SealingKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * A secret sealer over the current sealing keys, re-read every minute, for service credentials: opening one
 * happens on every call to the authorization API, so the keys are not read from the database each time. A key
 * added by {@code admin keys rotate} only seals five minutes later, so the server knows it before anything is
 * sealed with it. Should a re-read fail, the keys already read keep serving.
 */
public final class RefreshingSecretSealer implements Supplier<SecretSealer> {

    private static final Duration REFRESH = Duration.ofMinutes(1);

    private final Supplier<List<SealingKey>> keys;
    private final Clock clock;
    private volatile SecretSealer sealer;
    private volatile Instant readAt;

    public RefreshingSecretSealer(Supplier<List<SealingKey>> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.sealer = new SecretSealer(keys.get());
        this.readAt = clock.instant();
    }

    @Override
    public SecretSealer get() {
        Instant now = clock.instant();
        if (now.isBefore(readAt.plus(REFRESH))) {
            return sealer;
        }
        synchronized (this) {
            if (!now.isBefore(readAt.plus(REFRESH))) {
                readAt = now;
                try {
                    sealer = new SecretSealer(keys.get());
                } catch (RuntimeException e) {
                    // Keep the keys already read; the next minute tries again.
                }
            }
        }
        return sealer;
    }
}
