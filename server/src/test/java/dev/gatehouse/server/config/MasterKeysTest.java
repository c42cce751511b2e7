package dev.gatehouse.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.keys.MasterKey;
import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the master key comes from, and when the default key file may be made. */
class MasterKeysTest {

    private static final SealingKey KEY = new SealingKey(1, Secrets.randomBytes(32), Instant.EPOCH);

    @TempDir
    Path dataDir;

    private MasterKeySource load(Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("GATEHOUSE_DATA_DIR", dataDir.toString());
        return new ConfigLoader(environment).load().masterKey();
    }

    /** Whether {@code actual} is the same key as {@code expected}: it opens what the other wrapped. */
    private static boolean sameKey(MasterKey expected, MasterKey actual) {
        return actual.unwrap(expected.wrap(KEY)).secret().length == 32;
    }

    @Test
    void loadWhenNothingSetThenMasterKeyFileInTheDataDirectory() {
        assertThat(load(Map.of())).isEqualTo(new MasterKeySource.KeyFile(dataDir.resolve("master.key"), true));
    }

    @Test
    void loadWhenMasterKeyVariableThenThatKeyAndItIsNeverPrinted() {
        byte[] key = MasterKey.randomBytes();
        String base64 = Base64.getEncoder().encodeToString(key);

        MasterKeySource source = load(Map.of("GATEHOUSE_MASTER_KEY", base64));

        assertThat(source.description()).isEqualTo("GATEHOUSE_MASTER_KEY");
        assertThat(source.toString()).doesNotContain(base64);
        assertThat(sameKey(MasterKey.of(key), MasterKeys.open(source, true))).isTrue();
    }

    @Test
    void loadWhenMasterKeyNot32BytesOrBothSettingsThenEachReported() {
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_MASTER_KEY", "c2hvcnQ=",
                "GATEHOUSE_MASTER_KEY_FILE", dataDir.resolve("absent.key").toString())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("GATEHOUSE_MASTER_KEY must be 32 bytes in base64")
                .hasMessageContaining("GATEHOUSE_MASTER_KEY and master-key-file (GATEHOUSE_MASTER_KEY_FILE) exclude each other");
    }

    @Test
    void loadWhenNamedKeyFileMissingThenReported() {
        assertThatThrownBy(() -> load(Map.of("GATEHOUSE_MASTER_KEY_FILE", dataDir.resolve("absent.key").toString())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("master-key-file (GATEHOUSE_MASTER_KEY_FILE) names")
                .hasMessageContaining("which does not exist");
    }

    @Test
    void openWhenNamedFileHoldsBase64OrRawBytesThenEitherIsTheKey() throws IOException {
        byte[] key = MasterKey.randomBytes();
        Path text = Files.writeString(dataDir.resolve("text.key"), Base64.getEncoder().encodeToString(key) + "\n");
        Path raw = Files.write(dataDir.resolve("raw.key"), key);

        assertThat(sameKey(MasterKey.of(key), MasterKeys.open(new MasterKeySource.KeyFile(text, false), true))).isTrue();
        assertThat(sameKey(MasterKey.of(key), MasterKeys.open(new MasterKeySource.KeyFile(raw, false), true))).isTrue();
    }

    @Test
    void openWhenKeyFileHoldsNoKeyThenClearError() throws IOException {
        Path file = Files.writeString(dataDir.resolve("bad.key"), "not a key");

        assertThatThrownBy(() -> MasterKeys.open(new MasterKeySource.KeyFile(file, false), false))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("must hold 32 bytes, as base64 text");
    }

    @Test
    void openWhenFirstStartThenDefaultFileMadeOwnerOnlyAndUsedNextTime() throws IOException {
        MasterKeySource source = MasterKeySource.defaultFile(dataDir);

        MasterKey created = MasterKeys.open(source, false);

        Path file = dataDir.resolve("master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip())).hasSize(32);
        assertThat(sameKey(created, MasterKeys.open(source, true))).isTrue();
    }

    @Test
    void openWhenDefaultFileMissingButDatabaseHoldsWrappedKeysThenRefusedAndNoFileMade() {
        assertThatThrownBy(() -> MasterKeys.open(MasterKeySource.defaultFile(dataDir), true))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("master.key does not exist, but the database holds sealing keys encrypted");
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }
}
