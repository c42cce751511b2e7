package dev.gatehouse.server.config;

import dev.gatehouse.core.keys.MasterKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the master key from its {@link MasterKeySource}. A key file holds the key as base64 text (what
 * {@code openssl rand -base64 32} prints) or as 32 raw bytes. The default file is made only on a first start:
 * over a database whose keys are already wrapped, a new key would open nothing, so a missing file stops the
 * start instead.
 */
public final class MasterKeys {

    private MasterKeys() {
    }

    /**
     * @param databaseHoldsWrappedKeys whether the database already holds sealing keys wrapped under some key
     * @throws InvalidConfigException when the key is missing or malformed
     */
    public static MasterKey open(MasterKeySource source, boolean databaseHoldsWrappedKeys) {
        return switch (source) {
            case MasterKeySource.Given given -> MasterKey.of(given.key());
            case MasterKeySource.KeyFile keyFile -> {
                Path file = keyFile.file();
                if (Files.exists(file)) {
                    yield read(file);
                }
                if (!keyFile.createOnFirstStart() || databaseHoldsWrappedKeys) {
                    throw new InvalidConfigException(List.of("The master key file " + file.toAbsolutePath()
                            + " does not exist, but the database holds sealing keys encrypted under a master key."
                            + " Restore the file, or set " + ConfigKeys.MASTER_KEY.variable() + " or "
                            + ConfigKeys.MASTER_KEY_FILE.variable() + " to the key this database was created with;"
                            + " a new key would open nothing."));
                }
                yield create(file);
            }
        };
    }

    /** @throws InvalidConfigException when the file cannot be read or holds no 32-byte key */
    public static MasterKey read(Path file) {
        try {
            return parse(Files.readAllBytes(file)).orElseThrow(() -> new InvalidConfigException(List.of(
                    "The master key file " + file.toAbsolutePath() + " must hold 32 bytes, as base64 text"
                            + " (openssl rand -base64 32) or raw")));
        } catch (IOException e) {
            throw new InvalidConfigException(List.of("cannot read the master key file " + file.toAbsolutePath()
                    + ": " + e.getMessage()));
        }
    }

    /** The 32 key bytes in base64 text (surrounding white space ignored), or empty. */
    static Optional<byte[]> decode(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            return key.length == MasterKey.BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<MasterKey> parse(byte[] content) {
        if (content.length == MasterKey.BYTES) {
            return Optional.of(MasterKey.of(content));
        }
        return decode(new String(content, StandardCharsets.US_ASCII)).map(MasterKey::of);
    }

    /** Readable by the owner only, where the file system knows owners; never over an existing file. */
    private static MasterKey create(Path file) {
        byte[] key = MasterKey.randomBytes();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            return MasterKey.of(key);
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException e) {
            throw new InvalidConfigException(List.of("cannot create the master key file " + file.toAbsolutePath()
                    + ": " + e.getMessage()));
        }
    }
}
