package dev.gatehouse.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gatehouse-VERSION.tar.gz} as the dist module built it (it/pom.xml names it), unpacked with {@code tar} into
 * a directory of the test's, as an operator unpacks it. Its commands run with a clean environment: no
 * {@code GATEHOUSE_*} variables, and {@code JAVA_HOME} the test's own Java runtime.
 */
public final class ReleaseArchive {

    public static final String VERSION = System.getProperty("gatehouse.version");
    private static final Path TARBALL = Path.of(System.getProperty("gatehouse.release.archive",
            "../dist/target/gatehouse-" + VERSION + ".tar.gz")).toAbsolutePath().normalize();

    private final Path home;

    private ReleaseArchive(Path home) {
        this.home = home;
    }

    /** Unpacks the archive into {@code directory}, which then holds {@code gatehouse-VERSION/}. */
    public static ReleaseArchive unpackInto(Path directory) throws IOException, InterruptedException {
        assertThat(TARBALL).as("the release archive: ./mvnw package builds it (the dist module)").isRegularFile();
        Process tar = new ProcessBuilder("tar", "-xzf", TARBALL.toString(), "-C", directory.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as("tar: %s", output).isZero();
        return new ReleaseArchive(directory.resolve("gatehouse-" + VERSION));
    }

    public Path home() {
        return home;
    }

    public Path file(String relative) {
        return home.resolve(relative);
    }

    /** {@code bin/gatehouse-server} with the given settings, run from the directory it was unpacked in. */
    public ProcessBuilder server(Path dataDir, Map<String, String> environment, String... args) {
        return withJava(GatehouseProcess.launcher(file("bin/gatehouse-server"), dataDir, environment,
                List.of(args)));
    }

    /** One command ({@code bin/gatehouse-server …} or {@code bin/gatehouse …}) run to its end. */
    public GatehouseProcess.AdminRun run(ProcessBuilder command) throws IOException, InterruptedException {
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new GatehouseProcess.AdminRun(process.waitFor(), output);
    }

    /** {@code bin/gatehouse …}, its class-data cache in {@code cacheDir} rather than the user's home. */
    public ProcessBuilder cli(Path cacheDir, String... args) {
        List<String> command = new ArrayList<>(List.of(file("bin/gatehouse").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().put("XDG_CACHE_HOME", cacheDir.toString());
        return withJava(builder);
    }

    private ProcessBuilder withJava(ProcessBuilder builder) {
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.directory(home.getParent().toFile());
    }

    /** Whether {@code path} lies anywhere under {@code directory}. */
    static boolean isUnder(Path path, Path directory) throws IOException {
        return path.toRealPath().startsWith(directory.toRealPath());
    }
}
