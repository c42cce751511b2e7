package dev.gatehouse.server.admin;

import dev.gatehouse.server.config.DatabaseConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs PostgreSQL's own {@code pg_dump} (custom format) on the configured database, whose snapshot is consistent
 * while the server keeps writing, and {@code pg_restore} into an empty one. Each tool is of a version that can work
 * on the server ({@link PgTools}). The password goes in the environment, not the arguments, which other users could
 * read in the process list.
 */
final class PgDump {

    private static final Set<String> LIBPQ_PARAMETERS = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey");
    /** How every custom-format archive begins. */
    private static final byte[] ARCHIVE_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

    private PgDump() {
    }

    static void dump(DatabaseConfig database, Path to) {
        if (Files.exists(to)) {
            throw new IllegalArgumentException(to.toAbsolutePath() + " already exists; choose a new file");
        }
        PgTools.Tool pgDump = PgTools.find("pg_dump", query(database, "SHOW server_version"));
        run(database, pgDump, List.of("--format=custom", "--no-owner", "--file=" + to.toAbsolutePath(),
                "--dbname=" + libpqUri(database.url())));
    }

    /** Into a database that holds no table yet; never over data. */
    static void restore(DatabaseConfig database, Path from) {
        if (!isArchive(from)) {
            throw new IllegalArgumentException(from.toAbsolutePath() + " is not a Gatehouse backup of PostgreSQL "
                    + "(a pg_dump custom-format archive)");
        }
        String tables = query(database,
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()");
        if (!"0".equals(tables)) {
            throw new IllegalArgumentException("the database already holds " + tables + " tables; restore only into "
                    + "an empty database (createdb, docs/operations.md)");
        }
        PgTools.Tool pgRestore = PgTools.find("pg_restore", query(database, "SHOW server_version"));
        run(database, pgRestore, List.of("--no-owner", "--no-acl", "--exit-on-error", "--single-transaction",
                "--dbname=" + libpqUri(database.url()), from.toAbsolutePath().toString()));
    }

    private static void run(DatabaseConfig database, PgTools.Tool tool, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(tool.path().toString());
        command.addAll(arguments);
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        if (database.user() != null) {
            process.environment().put("PGUSER", database.user());
        }
        if (database.password() != null) {
            process.environment().put("PGPASSWORD", database.password());
        }
        String name = tool.path().getFileName().toString();
        try {
            Process started = process.start();
            String output = new String(started.getInputStream().readAllBytes()).strip();
            if (started.waitFor() != 0) {
                throw new IllegalStateException(name + " " + tool.version() + " failed: "
                        + output.lines().findFirst().orElse("no output"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(name + " could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " ran");
        }
    }

    /** One value from the configured database, e.g. its server version. */
    private static String query(DatabaseConfig database, String sql) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not reach the database: " + e.getMessage().lines().findFirst()
                    .orElse(e.getClass().getSimpleName()));
        }
    }

    private static boolean isArchive(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ARCHIVE_MAGIC.length), ARCHIVE_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code jdbc:postgresql://host:port/db?…} → {@code postgresql://host:port/db?…}, keeping only the TLS parameters
     * libpq also knows (so {@code sslmode=verify-full} still holds for the dump); libpq refuses the JDBC-only ones.
     */
    static String libpqUri(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String tls = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(parameter -> LIBPQ_PARAMETERS.contains(parameter.split("=", 2)[0]))
                .collect(Collectors.joining("&"));
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + (tls.isEmpty() ? "" : "?" + tls);
    }
}
