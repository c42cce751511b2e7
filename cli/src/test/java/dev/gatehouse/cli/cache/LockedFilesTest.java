package dev.gatehouse.cli.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockedFilesTest {

    @TempDir
    Path home;

    @Test
    void writeAtomicallyThenContentReplacedOwnerOnlyAndNoTemporaryFileLeft() throws Exception {
        Path file = home.resolve(".aws/sso/cache/token.json");

        LockedFiles.writeAtomically(file, "first");
        LockedFiles.writeAtomically(file, "second");

        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("token.json");
        }
    }

    @Test
    void lockFileIsASiblingNamedAfterTheFile() {
        assertThat(LockedFiles.lockFileOf(Path.of("/c/0ad3.json"))).isEqualTo(Path.of("/c/0ad3.lock"));
    }

    @Test
    void withLockWhenManyWritersReadModifyWriteThenNoUpdateIsLost() throws Exception {
        Path counter = home.resolve("counter.json");
        LockedFiles.writeAtomically(counter, "0");
        int writers = 8;
        int increments = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < increments; i++) {
                    LockedFiles.withLock(counter, () -> {
                        int value = Integer.parseInt(read(counter));
                        LockedFiles.writeAtomically(counter, String.valueOf(value + 1));
                        return null;
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : done) {
            writer.get();
        }
        pool.shutdown();

        assertThat(read(counter)).isEqualTo(String.valueOf(writers * increments));
    }

    @Test
    void tokenWhenWrittenThenReadBackWithTheAwsCliKeysAndTimestampForm() throws Exception {
        SsoCache cache = new SsoCache(home.resolve(".aws/sso/cache"));
        SsoToken token = new SsoToken("https://x.awsapps.com/start", "us-east-1", "access",
                Instant.parse("2026-05-01T12:00:00Z"), "client", "secret", Instant.parse("2026-07-30T12:00:00Z"),
                "refresh");

        cache.saveToken("0ad3", token);

        assertThat(cache.token("0ad3")).contains(token);
        assertThat(Files.readString(cache.file("0ad3"))).isEqualTo("{\"startUrl\":\"https://x.awsapps.com/start\","
                + "\"region\":\"us-east-1\",\"accessToken\":\"access\",\"expiresAt\":\"2026-05-01T12:00:00Z\","
                + "\"clientId\":\"client\",\"clientSecret\":\"secret\","
                + "\"registrationExpiresAt\":\"2026-07-30T12:00:00Z\",\"refreshToken\":\"refresh\"}");
    }

    @Test
    void tokenWhenWrittenByAnOlderAwsCliThenItsTimestampFormIsRead() throws Exception {
        SsoCache cache = new SsoCache(home);
        Files.writeString(cache.file("old"), "{\"startUrl\": \"u\", \"region\": \"r\", \"accessToken\": \"a\","
                + " \"expiresAt\": \"2026-05-01T12:00:00UTC\"}");

        assertThat(cache.token("old")).get().satisfies(token -> {
            assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
            assertThat(token.refreshable(Instant.parse("2026-05-01T11:00:00Z"))).isFalse();
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
