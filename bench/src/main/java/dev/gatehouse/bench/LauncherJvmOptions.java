package dev.gatehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The checkout's {@code bin/gatehouse-jvm.options}, the default JVM options the launchers start the server with, so
 * that a benchmark's server JVM runs with "the launcher's default heap" too.
 */
final class LauncherJvmOptions {

    static final String FILE = "bin/gatehouse-jvm.options";

    private LauncherJvmOptions() {
    }

    /** The checkout the benchmark runs in: the first folder up from the working directory that has the file. */
    static Path checkout() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + FILE + " here or above: run the benchmark from the checkout");
    }

    /** One or more options a line; '#' starts a comment, as the launchers read it. */
    static List<String> defaults() {
        try {
            return Files.readAllLines(checkout().resolve(FILE)).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .flatMap(line -> Arrays.stream(line.split("\\s+")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
