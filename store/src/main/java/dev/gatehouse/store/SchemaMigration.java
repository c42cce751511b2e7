package dev.gatehouse.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema to this build's newest migration. A restart on a database that already holds exactly the bundled
 * migrations, all successful, needs no migrator: loading and running Flyway (its scan, validation and history reads)
 * was the largest part of a restart. Anything else (a fresh or older database, a failed or unknown migration in the
 * history, a bundled file that is not a versioned migration) goes through Flyway as before, which validates and
 * migrates; that includes every upgrade, so a changed migration file is still caught when the next version arrives.
 */
final class SchemaMigration {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    private static final Set<String> REPEATABLE_TYPES = Set.of("SQL", "JDBC", "SCRIPT");
    private static final String HISTORY = "SELECT \"version\", \"success\", \"type\" FROM \"flyway_schema_history\"";
    static final String CURRENT = "SELECT \"version\" FROM \"flyway_schema_history\""
            + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC"
            + " FETCH FIRST 1 ROWS ONLY";

    /** The schema version the database holds afterwards, and whether Flyway had to run to get there. */
    record Outcome(String version, boolean migratorRan) { }

    private SchemaMigration() {
    }

    static Outcome bringUpToDate(DataSource dataSource) {
        Set<String> bundled = bundledVersions();
        if (!bundled.isEmpty() && bundled.equals(appliedVersionsIfAllSucceeded(dataSource))) {
            return new Outcome(currentVersion(dataSource), false);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return new Outcome(currentVersion(dataSource), true);
    }

    /**
     * The versions in the history table; empty when it is missing or holds a failed or a repeatable migration. Rows
     * without a version of other types are Flyway's own markers (on H2, the creation of the history table).
     */
    private static Set<String> appliedVersionsIfAllSucceeded(DataSource dataSource) {
        Set<String> versions = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(HISTORY)) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (!rows.getBoolean(2) || version == null && REPEATABLE_TYPES.contains(rows.getString(3))) {
                    return Set.of();
                }
                if (version != null) {
                    versions.add(normalized(version));
                }
            }
            return versions;
        } catch (SQLException e) {
            return Set.of();   // no history table yet: a fresh database
        }
    }

    private static String currentVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(CURRENT)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema version", e);
        }
    }

    /**
     * The versions of the migrations on the class path, read from the jar's or folder's listing (no file is opened);
     * empty when a file there is not a versioned migration, so that Flyway decides.
     */
    static Set<String> bundledVersions() {
        Set<String> versions = new HashSet<>();
        try {
            for (URL location : Collections.list(SchemaMigration.class.getClassLoader().getResources(LOCATION))) {
                for (String name : fileNames(location)) {
                    Matcher versioned = VERSIONED.matcher(name);
                    if (!versioned.matches()) {
                        return Set.of();
                    }
                    versions.add(normalized(versioned.group(1).replace('_', '.')));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + LOCATION, e);
        }
        return versions;
    }

    private static Set<String> fileNames(URL location) throws IOException {
        Set<String> names = new HashSet<>();
        URLConnection connection = location.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            String prefix = jar.getEntryName() + "/";
            try (JarFile file = jar.getJarFile()) {
                file.stream().map(entry -> entry.getName())
                        .filter(name -> name.startsWith(prefix) && name.length() > prefix.length()
                                && name.indexOf('/', prefix.length()) < 0)
                        .forEach(name -> names.add(name.substring(prefix.length())));
            }
            return names;
        }
        try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
            files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
        } catch (URISyntaxException e) {
            throw new IOException("not a folder: " + location, e);
        }
        return names;
    }

    /** As Flyway compares versions: 1.0 is 1, 01 is 1. */
    private static String normalized(String version) {
        String[] parts = version.split("\\.");
        int end = parts.length;
        while (end > 1 && parts[end - 1].chars().allMatch(c -> c == '0')) {
            end--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < end; i++) {
            out.append(i == 0 ? "" : ".").append(new BigInteger(parts[i]));
        }
        return out.toString();
    }
}
