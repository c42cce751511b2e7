package dev.gatehouse.server.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds PostgreSQL's client tools ({@code pg_dump}, {@code pg_restore}) of a version that can work on the server: a
 * tool older than the server refuses it. Looks on the {@code PATH} first, then where distributions install each
 * major version side by side (Debian's {@code /usr/lib/postgresql/N/bin}, the PGDG RPMs' {@code /usr/pgsql-N/bin}),
 * and takes the oldest that is not older than the server. The embedded PostgreSQL distribution Gatehouse's tests
 * use ships only the server ({@code initdb}, {@code pg_ctl}, {@code postgres}), no client tools.
 */
final class PgTools {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");
    private static final List<String> SIDE_BY_SIDE = List.of("/usr/lib/postgresql", "/usr");

    /** A tool and the version it reported. */
    record Tool(Path path, int major, String version) { }

    private PgTools() {
    }

    /**
     * @param serverVersion the server's {@code server_version}, e.g. {@code 17.6}
     * @throws IllegalStateException in one line, naming both versions, when no tool can work on the server
     */
    static Tool find(String name, String serverVersion) {
        int serverMajor = major(serverVersion);
        List<Tool> found = candidates(name).stream().map(PgTools::version).flatMap(Optional::stream).toList();
        Optional<Tool> usable = found.stream().filter(tool -> tool.major() >= serverMajor)
                .min(Comparator.comparingInt(Tool::major));
        if (usable.isPresent()) {
            return usable.get();
        }
        if (found.isEmpty()) {
            throw new IllegalStateException(name + " is not installed: install the PostgreSQL " + serverMajor
                    + " client tools (e.g. postgresql-client-" + serverMajor + "), or run " + name
                    + " yourself (docs/operations.md)");
        }
        Tool newest = found.stream().max(Comparator.comparingInt(Tool::major)).orElseThrow();
        throw new IllegalStateException(name + " " + newest.version() + " (" + newest.path() + ") is older than the"
                + " PostgreSQL " + serverVersion + " server and cannot work on it: install the PostgreSQL "
                + serverMajor + " client tools (e.g. postgresql-client-" + serverMajor + ") and run again");
    }

    static int major(String version) {
        Matcher digits = Pattern.compile("^(\\d+)").matcher(version.strip());
        if (!digits.find()) {
            throw new IllegalStateException("unexpected PostgreSQL version " + version);
        }
        return Integer.parseInt(digits.group(1));
    }

    /** @return the major version in {@code pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)} */
    static Optional<Tool> parse(Path path, String versionLine) {
        Matcher matcher = VERSION.matcher(versionLine);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String version = matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2));
        return Optional.of(new Tool(path, Integer.parseInt(matcher.group(1)), version));
    }

    private static List<Path> candidates(String name) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        for (String root : SIDE_BY_SIDE) {
            try (Stream<Path> versions = Files.list(Path.of(root))) {
                versions.filter(dir -> dir.getFileName().toString().matches("(pgsql-)?\\d+"))
                        .forEach(dir -> candidates.add(dir.resolve("bin").resolve(name)));
            } catch (IOException e) {
                // Not this distribution's layout.
            }
        }
        return candidates.stream().filter(Files::isExecutable).distinct().toList();
    }

    private static Optional<Tool> version(Path tool) {
        try {
            Process process = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor() == 0 ? parse(tool, output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
