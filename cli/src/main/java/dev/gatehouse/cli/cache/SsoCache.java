package dev.gatehouse.cli.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code ~/.aws/sso/cache}: tokens and client registrations, each a {@code <key>.json} file. Whoever reads a
 * token in order to replace it must do both inside {@link #lockedToken}, so a refresh token spent by one
 * process is never spent again by another.
 */
public final class SsoCache {

    /** A token file found in the folder, with the key its name carries. */
    public record CachedToken(String key, SsoToken token) { }

    private final Path directory;

    public SsoCache(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    public Path file(String key) {
        return directory.resolve(key + ".json");
    }

    public Optional<SsoToken> token(String key) {
        return CacheJson.read(file(key)).flatMap(SsoToken::fromJson);
    }

    public void saveToken(String key, SsoToken token) {
        CacheJson.write(file(key), token.toJson());
    }

    public <T> T lockedToken(String key, Supplier<T> body) {
        return LockedFiles.withLock(file(key), body);
    }

    public boolean delete(String key) {
        return lockedToken(key, () -> {
            try {
                return Files.deleteIfExists(file(key));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file(key), e);
            }
        });
    }

    public Optional<Registration> registration(String key) {
        return CacheJson.read(file(key)).flatMap(Registration::fromJson);
    }

    public void saveRegistration(String key, Registration registration) {
        LockedFiles.withLock(file(key), () -> {
            CacheJson.write(file(key), registration.toJson());
            return null;
        });
    }

    /** Every token in the folder, whichever tool wrote it, in file-name order. */
    public List<CachedToken> tokens() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<CachedToken> tokens = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                String key = name.substring(0, name.length() - ".json".length());
                CacheJson.read(file).flatMap(SsoToken::fromJson)
                        .ifPresent(token -> tokens.add(new CachedToken(key, token)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return tokens;
    }
}
