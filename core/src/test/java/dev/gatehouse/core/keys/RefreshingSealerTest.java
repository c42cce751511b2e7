package dev.gatehouse.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.credentials.CredentialSealer;
import dev.gatehouse.core.credentials.CredentialSealerTest;
import dev.gatehouse.core.testing.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RefreshingSealerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final SteppedClock clock = new SteppedClock(NOW);
    private final SealingKey first = CredentialSealerTest.key(1);
    private final SealingKey second = CredentialSealerTest.key(2);
    private final AtomicReference<Supplier<List<SealingKey>>> keys = new AtomicReference<>(() -> List.of(first));
    private final RefreshingSealer<CredentialSealer> sealers =
            new RefreshingSealer<>(() -> keys.get().get(), CredentialSealer::new, clock);

    /** A token sealed by a sealer that knows only {@code key}. */
    private static String sealedBy(SealingKey key) {
        return new CredentialSealer(List.of(key)).seal(CredentialSealerTest.claims());
    }

    @Test
    void getWhenAKeyWasAddedThenKnownOnlyAfterTheRefreshInterval() {
        keys.set(() -> List.of(second, first));
        clock.set(NOW.plus(RefreshingSealer.REFRESH).minusSeconds(1));

        assertThat(sealers.get().unseal(sealedBy(second))).isEmpty();

        clock.set(NOW.plus(RefreshingSealer.REFRESH));
        assertThat(sealers.get().unseal(sealedBy(second))).contains(CredentialSealerTest.claims());
        assertThat(sealers.get().unseal(sealedBy(first))).contains(CredentialSealerTest.claims());
    }

    @Test
    void getWhenReadingTheKeysFailsThenTheKeysAlreadyReadServe() {
        keys.set(() -> {
            throw new IllegalStateException("database away");
        });
        clock.set(NOW.plus(Duration.ofMinutes(5)));

        assertThat(sealers.get().unseal(sealedBy(first))).contains(CredentialSealerTest.claims());
    }
}
