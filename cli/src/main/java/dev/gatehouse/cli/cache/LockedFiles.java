package dev.gatehouse.cli.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The two rules that keep the shared cache whole when several processes use it: whoever changes a file holds
 * its lock (an OS lock on a sibling {@code .lock} file, so readers of the file itself never block), and a file
 * is replaced by renaming a complete copy over it, so a reader sees the old content or the new, never half.
 * Cache files are private to their owner: mode 0600, directories 0700.
 */
public final class LockedFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** OS file locks belong to the whole JVM; this lock orders the threads inside it. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private LockedFiles() {
    }

    /** The file that is locked for {@code file}: same folder, same name, {@code .lock} in place of the suffix. */
    public static Path lockFileOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".lock");
    }

    /** Runs {@code body} while holding the lock of {@code file}, waiting for other processes to let go of it. */
    public static <T> T withLock(Path file, Supplier<T> body) {
        Path lockFile = lockFileOf(file).toAbsolutePath();
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(lockFile, ignored -> new ReentrantLock());
        threads.lock();
        try {
            createPrivateDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), ownerOnly());
                 FileLock ignored = channel.lock()) {
                return body.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        } finally {
            threads.unlock();
        }
    }

    /** Replaces {@code file} with {@code content}: written to a private temporary file, then renamed over it. */
    public static void writeAtomically(Path file, String content) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            createPrivateDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", ownerOnly());
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void move(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Only on file systems without rename (rare); the lock still keeps writers apart.
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
