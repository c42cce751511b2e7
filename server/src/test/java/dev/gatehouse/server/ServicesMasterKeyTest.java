package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.keys.MasterKey;
import dev.gatehouse.core.keys.StoredSealingKey;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.InvalidConfigException;
import dev.gatehouse.server.config.MasterKeySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up with the master key: made on a first start, required and checked on every later one. */
class ServicesMasterKeyTest {

    @TempDir
    Path dataDir;

    private GatehouseConfig config() {
        return GatehouseConfig.defaults(dataDir);
    }

    private List<StoredSealingKey> storedKeys() {
        try (Services services = Services.open(config(), Clock.systemUTC())) {
            return services.store().instance().sealingKeys();
        }
    }

    @Test
    void openWhenFirstStartThenKeyFileMadeAndSealingKeyWrapped() {
        List<StoredSealingKey> keys = storedKeys();

        assertThat(dataDir.resolve("master.key")).exists();
        assertThat(keys).singleElement().satisfies(key -> assertThat(key.wrapped()).isTrue());
    }

    @Test
    void openWhenWrongMasterKeyThenClearStartUpErrorAndKeysUnchanged() {
        List<StoredSealingKey> before = storedKeys();
        GatehouseConfig wrong = config().toBuilder().masterKey(new MasterKeySource.Given("GATEHOUSE_MASTER_KEY",
                MasterKey.randomBytes())).build();

        assertThatThrownBy(() -> Services.open(wrong, Clock.systemUTC()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("The master key does not match the one this database was created with");

        assertThat(storedKeys()).singleElement()
                .satisfies(key -> assertThat(key.material()).isEqualTo(before.getFirst().material()));
    }

    @Test
    void openWhenKeyFileLostOverExistingDataThenRefusedAndNoNewKeyMade() throws IOException {
        storedKeys();
        Files.delete(dataDir.resolve("master.key"));

        assertThatThrownBy(() -> Services.open(config(), Clock.systemUTC()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("does not exist, but the database holds sealing keys encrypted");
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }
}
