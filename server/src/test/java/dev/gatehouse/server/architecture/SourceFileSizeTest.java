package dev.gatehouse.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Small classes: no main source file of any module is over 400 lines. */
class SourceFileSizeTest {

    private static final int MOST_LINES = 400;

    @Test
    void whenAnyMainSourceFileIsReadThenItHasAtMost400Lines() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().matches("[^/]+/src/main/java/.*")).toList();
        }
        assertThat(sources).as("main sources under " + root).hasSizeGreaterThan(100);
        assertThat(sources).filteredOn(p -> lines(p) > MOST_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
