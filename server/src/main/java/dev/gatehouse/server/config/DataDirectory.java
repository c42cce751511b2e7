package dev.gatehouse.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds the embedded database, the default master key and the admin socket: whoever reads it
 * is an administrator. It is made 0700 and what Gatehouse puts in it 0600; an existing directory or file that
 * others may read is named in a warning at start-up and left as the operator made it (docs/security.md).
 */
public final class DataDirectory {

    public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private final Path directory;
    private final Set<Path> before;

    private DataDirectory(Path directory, Set<Path> before) {
        this.directory = directory;
        this.before = before;
    }

    /**
     * Makes the directory (0700) when it is missing, or warns when the existing one is open to others; then
     * remembers what it holds, so {@link #tightenNewFiles()} can tell what this start made.
     */
    public static DataDirectory prepare(Path directory) {
        Path dir = directory.toAbsolutePath();
        try {
            if (Files.notExists(dir)) {
                Files.createDirectories(dir.getParent());
                try {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                    Files.setPosixFilePermissions(dir, OWNER_ONLY_DIRECTORY);   // whatever the umask took away
                } catch (UnsupportedOperationException e) {
                    Files.createDirectories(dir);
                }
            } else {
                warnIfOpen(dir, OWNER_ONLY_DIRECTORY);
            }
            return new DataDirectory(dir, new HashSet<>(entries(dir)));
        } catch (IOException e) {
            throw new InvalidConfigException(List.of("cannot make the data directory " + dir + ": " + e.getMessage()));
        }
    }

    public Path path() {
        return directory;
    }

    /**
     * Files made since {@link #prepare} (the database file, a new master key) become 0600; files that were there
     * already and are open to others are named in a warning.
     */
    public void tightenNewFiles() {
        for (Path entry : entries(directory)) {
            if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (before.contains(entry)) {
                warnIfOpen(entry, OWNER_ONLY_FILE);
            } else {
                restrict(entry, OWNER_ONLY_FILE);
            }
        }
    }

    /** Sets owner-only permissions where the file system has POSIX permissions. */
    public static void restrict(Path path, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to set
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + path, e);
        }
    }

    private static void warnIfOpen(Path path, Set<PosixFilePermission> wanted) {
        try {
            Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (!wanted.containsAll(actual)) {
                LOG.warn("{} is {}: other users may read what it holds; Gatehouse wants {} (chmod {} {})", path,
                        PosixFilePermissions.toString(actual), PosixFilePermissions.toString(wanted),
                        wanted.equals(OWNER_ONLY_DIRECTORY) ? "700" : "600", path);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permissions to check
        }
    }

    private static List<Path> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
