package dev.gatehouse.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.mfa.Base32;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final byte[] SECRET = Secrets.randomBytes(20);

    private static SealingKey key(int id) {
        return new SealingKey(id, Secrets.randomBytes(32), NOW);
    }

    @Test
    void unsealWhenSealedForTheSameDeviceThenTheSecret() {
        SecretSealer sealer = new SecretSealer(List.of(key(1)));

        String sealed = sealer.seal(SECRET, "device-1");

        assertThat(sealed).doesNotContain(Base32.encodeUnpadded(SECRET));
        assertThat(sealer.unseal(sealed, "device-1")).isEqualTo(SECRET);
    }

    @Test
    void unsealWhenCopiedToAnotherDeviceThenRefused() {
        SecretSealer sealer = new SecretSealer(List.of(key(1)));

        String sealed = sealer.seal(SECRET, "device-1");

        assertThatThrownBy(() -> sealer.unseal(sealed, "device-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unsealWhenOneByteChangedThenRefused() {
        SecretSealer sealer = new SecretSealer(List.of(key(1)));
        byte[] raw = Base64.getUrlDecoder().decode(sealer.seal(SECRET, "device-1"));
        raw[raw.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer.unseal(Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                "device-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unsealAfterRotationStillOpensWhatTheOlderKeySealed() {
        SealingKey older = key(1);
        String sealed = new SecretSealer(List.of(older)).seal(SECRET, "device-1");

        SecretSealer rotated = new SecretSealer(List.of(key(2), older));

        assertThat(rotated.unseal(sealed, "device-1")).isEqualTo(SECRET);
        assertThatThrownBy(() -> new SecretSealer(List.of(key(2))).unseal(sealed, "device-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key 1");
    }
}
