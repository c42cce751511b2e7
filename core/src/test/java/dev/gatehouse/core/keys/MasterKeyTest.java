package dev.gatehouse.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final MasterKey master = MasterKey.of(MasterKey.randomBytes());
    private final SealingKey key = new SealingKey(7, Secrets.randomBytes(32), NOW);

    @Test
    void unwrapWhenWrappedBySameMasterKeyThenSameSecret() {
        StoredSealingKey stored = master.wrap(key);

        SealingKey opened = master.unwrap(stored);

        assertThat(stored.wrapped()).isTrue();
        assertThat(stored.material()).hasSize(1 + 12 + 32 + 16);
        assertThat(Arrays.copyOfRange(stored.material(), 13, 45)).isNotEqualTo(key.secret());
        assertThat(opened.secret()).isEqualTo(key.secret());
        assertThat(opened.keyId()).isEqualTo(7);
        assertThat(opened.createdAt()).isEqualTo(NOW);
    }

    @Test
    void unwrapWhenOtherMasterKeyThenWrongMasterKeyNamingTheKey() {
        StoredSealingKey stored = master.wrap(key);

        assertThatThrownBy(() -> MasterKey.of(MasterKey.randomBytes()).unwrap(stored))
                .isInstanceOf(WrongMasterKeyException.class)
                .hasMessageStartingWith("The master key does not match the one this database was created with")
                .hasMessageContaining("sealing key 7");
    }

    @Test
    void unwrapWhenMaterialMovedToAnotherKeyIdThenRefused() {
        StoredSealingKey stored = master.wrap(key);

        assertThatThrownBy(() -> master.unwrap(new StoredSealingKey(8, stored.material(), true, NOW)))
                .isInstanceOf(WrongMasterKeyException.class);
    }

    @Test
    void unwrapWhenLegacyPlaintextThenSecretAsStored() {
        StoredSealingKey legacy = new StoredSealingKey(1, key.secret(), false, NOW);

        assertThat(master.unwrap(legacy).secret()).isEqualTo(key.secret());
    }

    @Test
    void ofWhenNot32BytesThenRefused() {
        assertThatThrownBy(() -> MasterKey.of(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a master key is 32 bytes, not 16");
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertThat(master).hasToString("MasterKey[***]");
    }
}
