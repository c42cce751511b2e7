package dev.gatehouse.it;

import dev.gatehouse.store.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL of one test's own (not the shared one: this one is stopped under a running server) that
 * can be stopped and started again on the same port and data, as an operator's database restart would.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private int port;
    private EmbeddedPostgres running;

    RestartablePostgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    void start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setServerConfig("fsync", "off");
            if (port != 0) {
                builder.setPort(port);
            }
            running = builder.start();
            port = running.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /** Stops the server ("fast": open connections are ended, as in a real restart). */
    void stop() {
        try {
            running.close();
            running = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's own database; any password does, the server trusts local connections. */
    TestDatabase database() {
        return new TestDatabase("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    }

    @Override
    public void close() {
        if (running != null) {
            stop();
        }
    }
}
