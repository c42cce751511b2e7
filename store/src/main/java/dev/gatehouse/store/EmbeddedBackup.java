package dev.gatehouse.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.tools.Restore;

/**
 * Backup and restore of the embedded H2 database. The backup is H2's online {@code BACKUP TO}: a zip of the
 * database file as of one consistent moment, taken while the server keeps serving. It holds what the database holds:
 * sealed secrets stay sealed, and the master key that opens them is never in it.
 */
public final class EmbeddedBackup {

    /** The database's file name in the data directory ({@link Database#h2FileUrl}). */
    private static final String DATABASE_NAME = "gatehouse";

    private EmbeddedBackup() {
    }

    /** Writes the snapshot to {@code zip}, which must not exist yet. */
    public static void backup(DataSource running, Path zip) {
        if (Files.exists(zip)) {
            throw new IllegalArgumentException(zip.toAbsolutePath() + " already exists; choose a new file");
        }
        try (Connection connection = running.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
    }

    /** Whether the data directory already holds an embedded database (restore never overwrites one). */
    public static boolean exists(Path dataDirectory) {
        return Files.exists(dataDirectory.resolve(DATABASE_NAME + ".mv.db"));
    }

    /** Unpacks a snapshot {@link #backup} wrote into a data directory that holds no database yet. */
    public static void restore(Path zip, Path dataDirectory) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException(zip.toAbsolutePath() + " is not a file");
        }
        if (exists(dataDirectory)) {
            throw new IllegalArgumentException(dataDirectory.toAbsolutePath()
                    + " already holds a database; restore only into a data directory without one");
        }
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Restore.execute(zip.toAbsolutePath().toString(), dataDirectory.toAbsolutePath().toString(), DATABASE_NAME);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(zip.toAbsolutePath() + " is not a Gatehouse backup: " + e.getMessage());
        }
        if (!exists(dataDirectory)) {
            throw new IllegalArgumentException(zip.toAbsolutePath() + " is not a Gatehouse backup (no database in it)");
        }
    }
}
