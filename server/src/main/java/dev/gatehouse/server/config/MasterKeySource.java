package dev.gatehouse.server.config;

import java.nio.file.Path;

/**
 * Where the master key comes from (docs/keys.md): {@code GATEHOUSE_MASTER_KEY}, a named file, or — when
 * neither is configured — {@code master.key} in the data directory, which the very first start makes.
 */
public sealed interface MasterKeySource {

    String DEFAULT_FILE_NAME = "master.key";

    /** For the start-up log: where the key came from, never the key. */
    String description();

    /** The data directory's {@code master.key}, the default. */
    static MasterKeySource defaultFile(Path dataDir) {
        return new KeyFile(dataDir.resolve(DEFAULT_FILE_NAME), true);
    }

    /** @param key the 32 key bytes */
    record Given(String description, byte[] key) implements MasterKeySource {

        @Override
        public String toString() {
            return "Given[" + description + ", key=***]";
        }
    }

    /** @param createOnFirstStart whether a missing file is made when the database holds no wrapped key yet */
    record KeyFile(Path file, boolean createOnFirstStart) implements MasterKeySource {

        @Override
        public String description() {
            return "file " + file.toAbsolutePath();
        }
    }
}
