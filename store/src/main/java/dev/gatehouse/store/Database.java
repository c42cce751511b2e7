package dev.gatehouse.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.core.Store;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens a connection pool on a JDBC URL (H2 or PostgreSQL), brings the schema up to date and hands out the
 * {@link Store}. Close it to release the pool.
 */
public final class Database implements AutoCloseable {

    public static final int DEFAULT_MAX_POOL_SIZE = 10;

    private final HikariDataSource dataSource;
    private final Store store;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.store = new JdbiStore(Jdbi.create(dataSource));
    }

    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_MAX_POOL_SIZE);
    }

    public static Database open(String jdbcUrl, String user, String password, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(Math.min(2, maxPoolSize));
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
            return new Database(dataSource);
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

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public Store store() {
        return store;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
