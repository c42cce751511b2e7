package dev.gatehouse.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.core.Store;
import dev.gatehouse.store.cache.CachingStore;
import dev.gatehouse.store.cache.Invalidations;
import dev.gatehouse.store.cache.PostgresChangeListener;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens a connection pool on a JDBC URL (H2 or PostgreSQL), brings the schema up to date and hands out the
 * {@link Store}. Close it to release the pool.
 */
public final class Database implements AutoCloseable {

    public static final int DEFAULT_MAX_POOL_SIZE = 10;

    /**
     * How long a request waits for a connection before it fails: short, so that while the database is away requests
     * are answered 503 in a few seconds instead of hanging for Hikari's default 30.
     */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final JdbiStore jdbiStore;
    private final Store store;
    private final String schemaVersion;
    /** Null without caches, or on the embedded database (one node: nothing to hear from). */
    private final PostgresChangeListener changeListener;

    private Database(HikariDataSource dataSource, String schemaVersion, Caching caching, String user,
                     String password) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.jdbiStore = new JdbiStore(jdbi);
        this.schemaVersion = schemaVersion;
        String url = dataSource.getJdbcUrl();
        if (caching == Caching.OFF) {
            this.store = jdbiStore;
            this.changeListener = null;
        } else if (url.startsWith("jdbc:postgresql:")) {
            this.changeListener = PostgresChangeListener.start(url, user, password,
                    new PostgresChangeNotifier(jdbiStore.handles()));
            this.store = new CachingStore(jdbiStore, changeListener.invalidations());
        } else {
            this.store = new CachingStore(jdbiStore, Invalidations.local());
            this.changeListener = null;
        }
    }

    /** Whether the hot reads are cached ({@link CachingStore}); off, every read goes to the database. */
    public enum Caching { ON, OFF }

    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_MAX_POOL_SIZE);
    }

    public static Database open(String jdbcUrl, String user, String password, int maxPoolSize) {
        return open(jdbcUrl, user, password, maxPoolSize, Caching.ON);
    }

    public static Database open(String jdbcUrl, String user, String password, int maxPoolSize, Caching caching) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(Math.min(2, maxPoolSize));
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(Math.min(CONNECTION_TIMEOUT.toMillis(), 2_000));
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            String schemaVersion = SchemaMigration.bringUpToDate(dataSource).version();
            return new Database(dataSource, schemaVersion, caching, user, password);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The embedded default: an H2 file in the data directory, open to this process only. No {@code AUTO_SERVER}:
     * that makes H2 listen on a TCP port on every interface, reachable with the key it writes into a lock file
     * (docs/security.md, finding 1); an admin command reaches a running server through its admin socket instead.
     * {@code WRITE_DELAY=0}: H2 otherwise writes committed transactions to the file up to half a second later, so
     * a killed process loses changes it had already answered (finding 2); with 0 every commit reaches the file
     * before the commit returns.
     */
    public static String h2FileUrl(Path dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("gatehouse") + ";WRITE_DELAY=0";
    }

    /**
     * Whether the database answers now and holds the schema this build migrated it to (not one that another node
     * or a restore moved since). False, never an exception, while it cannot be reached.
     */
    public boolean schemaCurrent() {
        try {
            return jdbi.withHandle(h -> h.createQuery(SchemaMigration.CURRENT).mapTo(String.class).findOne())
                    .map(schemaVersion::equals).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Reports the connection pool's meters (connections active, idle, pending, timeouts, acquisition time) to
     * {@code meterRegistry}, a Micrometer {@code MeterRegistry}; typed loosely so that the store needs no Micrometer.
     */
    public void bindMetrics(Object meterRegistry) {
        dataSource.setMetricRegistry(meterRegistry);
    }

    public Store store() {
        return store;
    }

    /** After rows were changed behind the store's back (tests emptying tables): nothing cached is served again. */
    public void dropCaches() {
        if (store instanceof CachingStore caching) {
            caching.invalidations().dropAll();
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        jdbiStore.closeAudit();
        if (changeListener != null) {
            changeListener.close();
        }
        dataSource.close();
    }
}
