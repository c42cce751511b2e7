package dev.gatehouse.server.admin;

import dev.gatehouse.server.config.DatabaseConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs PostgreSQL's own {@code pg_dump} (custom format, for {@code pg_restore}) on the configured database: its
 * snapshot is consistent while the server keeps writing. The password goes in the environment, not the arguments,
 * which other users could read in the process list.
 */
final class PgDump {

    private static final Set<String> LIBPQ_PARAMETERS = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey");

    private PgDump() {
    }

    static void dump(DatabaseConfig database, Path to) {
        if (Files.exists(to)) {
            throw new IllegalArgumentException(to.toAbsolutePath() + " already exists; choose a new file");
        }
        ProcessBuilder pgDump = new ProcessBuilder(List.of("pg_dump", "--format=custom", "--no-owner",
                "--file=" + to.toAbsolutePath(), "--dbname=" + libpqUri(database.url())))
                .redirectErrorStream(true);
        if (database.user() != null) {
            pgDump.environment().put("PGUSER", database.user());
        }
        if (database.password() != null) {
            pgDump.environment().put("PGPASSWORD", database.password());
        }
        try {
            Process process = pgDump.start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_dump failed: " + output.lines().findFirst().orElse("no output"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("pg_dump is not on the PATH: install the PostgreSQL client tools, or run"
                    + " pg_dump yourself (docs/operations.md)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pg_dump ran");
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
