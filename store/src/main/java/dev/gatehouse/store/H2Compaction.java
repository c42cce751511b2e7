package dev.gatehouse.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rewrites an embedded H2 file to the size of what it holds. H2's store appends and reclaims space only while idle,
 * so a bulk load (`admin seed`) leaves a file many times larger than its data (14 GB for 299 MB at a million
 * users). {@code SHUTDOWN COMPACT} needs the database to itself: call it once every other connection is closed.
 */
public final class H2Compaction {

    /** Sizes of the file before and after, and how long the rewrite took. */
    public record Compacted(long bytesBefore, long bytesAfter, double seconds) { }

    private static final String FILE_URL = "jdbc:h2:file:";

    private H2Compaction() {
    }

    /** @param jdbcUrl a {@code jdbc:h2:file:} URL, as {@link Database#h2FileUrl} makes */
    public static Compacted compact(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith(FILE_URL)) {
            throw new IllegalArgumentException("not an H2 file URL");
        }
        int options = jdbcUrl.indexOf(';');
        Path file = Path.of(jdbcUrl.substring(FILE_URL.length(), options < 0 ? jdbcUrl.length() : options) + ".mv.db");
        long started = System.nanoTime();
        try {
            long before = Files.size(file);
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            }
            return new Compacted(before, Files.size(file), (System.nanoTime() - started) / 1e9);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("compacting " + file + " failed: " + e.getMessage(), e);
        }
    }
}
