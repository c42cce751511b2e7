package dev.gatehouse.cli.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code ~/.aws/cli/cache}: role credentials obtained with SSO tokens, one {@code <key>.json} per role. */
public final class RoleCredentialsCache {

    private final Path directory;

    public RoleCredentialsCache(Path directory) {
        this.directory = directory;
    }

    public Path file(String key) {
        return directory.resolve(key + ".json");
    }

    public Optional<RoleCredentials> read(String key) {
        return CacheJson.read(file(key)).flatMap(RoleCredentials::fromJson);
    }

    public void save(String key, RoleCredentials credentials) {
        LockedFiles.withLock(file(key), () -> {
            CacheJson.write(file(key), credentials.toJson());
            return null;
        });
    }

    public void delete(String key) {
        LockedFiles.withLock(file(key), () -> {
            try {
                return Files.deleteIfExists(file(key));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file(key), e);
            }
        });
    }

    /** Deletes every SSO entry, as {@code aws sso logout} does; entries of other providers stay. */
    public void deleteAllSso() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String key = name.substring(0, name.length() - ".json".length());
            if (read(key).isPresent()) {
                delete(key);
            }
        }
    }
}
