package dev.gatehouse.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.config.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, {@code bin/gatehouse-server}, as a newcomer runs it. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path LAUNCHER = ROOT.resolve("bin/gatehouse-server");

    @TempDir
    Path dataDir;

    private ProcessBuilder launcher(Map<String, String> environment, String... args) {
        ProcessBuilder builder = new ProcessBuilder(concat(LAUNCHER.toString(), args)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().putAll(environment);
        builder.environment().put("GATEHOUSE_DATA_DIR", dataDir.toString());
        return builder;
    }

    @Test
    void launcherWhenStartedThenServesReadyzAndAdminWorksBesideIt() throws Exception {
        int port = FreePorts.find();
        Process server = launcher(Map.of("GATEHOUSE_PORT", String.valueOf(port),
                "GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD", "Ch@ngeMe-2026")).start();
        try {
            awaitLine(server, "Gatehouse listening on http://localhost:" + port);

            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"");

            Process admin = launcher(Map.of(), "admin", "users", "list").start();
            String output = new String(admin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(admin.waitFor()).isZero();
            assertThat(output).startsWith("admin ").contains("ENABLED").doesNotContain("INFO");
            assertThat(Files.exists(dataDir.resolve("gatehouse.mv.db"))).isTrue();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void launcherWhenConfigurationInvalidThenEveryProblemListedAndExitTwo() throws Exception {
        Process process = launcher(Map.of("GATEHOUSE_PORT", "eighty", "GATEHOUSE_REGION", "moon",
                "GATEHOUSE_PUBLIC_URL", "sso.example.com")).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("invalid configuration")
                .contains("port must be a number, not 'eighty'")
                .contains("region (GATEHOUSE_REGION)")
                .contains("public-url (GATEHOUSE_PUBLIC_URL)");
    }

    /** The defaults of bin/gatehouse-jvm.options apply, and GATEHOUSE_JAVA_OPTS, coming after them, wins. */
    @Test
    void launcherWhenStartedThenDefaultJvmOptionsApplyAndGatehouseJavaOptsWins() throws Exception {
        String defaults = jvmFlags("-XX:+PrintCommandLineFlags");
        String overridden = jvmFlags("-XX:+PrintCommandLineFlags -Xmx300m");

        assertThat(defaults).contains("-XX:MaxHeapSize=268435456").contains("-XX:+UseSerialGC");
        assertThat(overridden).contains("-XX:MaxHeapSize=314572800").doesNotContain("-XX:MaxHeapSize=268435456");
        assertThat(dataDir.resolve("cds")).as("no archive for a command that does not serve").doesNotExist();
    }

    /** The first server writes a class-data sharing archive when it stops; the next one loads its classes from it. */
    @Test
    void serverWhenRestartedThenItsClassesComeFromTheArchiveTheFirstStartLeft() throws Exception {
        Path data = dataDir.resolve("server");
        Path classLog = dataDir.resolve("classes.log");
        try (GatehouseProcess first = GatehouseProcess.start(data, FreePorts.find(), Map.of())) {
            assertThat(first.stop()).isZero();
        }
        try (Stream<Path> archives = Files.list(data.resolve("cds"))) {
            assertThat(archives.map(path -> path.getFileName().toString()).toList())
                    .singleElement().satisfies(name -> assertThat(name).matches("gatehouse-\\d+\\.jsa"));
        }

        try (GatehouseProcess second = GatehouseProcess.start(data, FreePorts.find(),
                Map.of("GATEHOUSE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog))) {
            assertThat(second.stop()).isZero();
        }
        try (Stream<String> lines = Files.lines(classLog)) {
            assertThat(lines.filter(line -> line.contains(" dev.gatehouse.server.Main ")))
                    .singleElement().satisfies(line -> assertThat(line).contains("shared objects file"));
        }
    }

    private String jvmFlags(String javaOptions) throws IOException, InterruptedException {
        Process process = launcher(Map.of("GATEHOUSE_JAVA_OPTS", javaOptions), "--version").start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    /** Reads the server's output until the line appears; fails with all output if the process ends first. */
    private static void awaitLine(Process process, String expected) throws IOException {
        StringBuilder seen = new StringBuilder();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            seen.append(line).append('\n');
            if (line.contains(expected)) {
                Thread.ofVirtual().start(() -> reader.lines().forEach(ignored -> { }));
                return;
            }
        }
        throw new AssertionError("the server stopped before saying '" + expected + "':\n" + seen);
    }

    private static List<String> concat(String first, String... rest) {
        return Stream.concat(Stream.of(first), Arrays.stream(rest)).toList();
    }
}
