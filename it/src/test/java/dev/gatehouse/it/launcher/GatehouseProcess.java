package dev.gatehouse.it.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/gatehouse-server} as a real process, as the README starts it. The launcher {@code exec}s the JVM, so
 * {@link #pid()} is the server's JVM and {@link #kill()} is a kill -9 of the server itself. The reactor has built
 * the server jar before {@code it} runs, so the launcher starts it without building.
 */
public final class GatehouseProcess implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path LAUNCHER = ROOT.resolve("bin/gatehouse-server");

    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();

    private GatehouseProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The launcher's environment: only these {@code GATEHOUSE_*} variables and {@code GATEHOUSE_DATA_DIR}. */
    public static ProcessBuilder launcher(Path dataDir, Map<String, String> environment, List<String> args) {
        return launcher(LAUNCHER, dataDir, environment, args);
    }

    /** As {@link #launcher(Path, Map, List)}, with another {@code gatehouse-server} (say a release archive's). */
    public static ProcessBuilder launcher(Path launcher, Path dataDir, Map<String, String> environment,
                                          List<String> args) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().putAll(environment);
        builder.environment().put("GATEHOUSE_DATA_DIR", dataDir.toString());
        return builder;
    }

    /** Starts the server on {@code port} and returns once it says it is listening. */
    public static GatehouseProcess start(Path dataDir, int port, Map<String, String> environment) throws IOException {
        return start(launcher(dataDir, environment, List.of()), port);
    }

    /** Starts what {@code launcher} (a {@link #launcher} builder, no {@code GATEHOUSE_PORT}) runs, on {@code port}. */
    public static GatehouseProcess start(ProcessBuilder launcher, int port) throws IOException {
        launcher.environment().put("GATEHOUSE_PORT", String.valueOf(port));
        GatehouseProcess server = new GatehouseProcess(launcher.start(), port);
        try {
            server.awaitListening();
            return server;
        } catch (IOException | RuntimeException | Error e) {
            server.kill();
            throw e;
        }
    }

    private void awaitListening() throws IOException {
        String expected = "Gatehouse listening on http://localhost:" + port;
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            output.append(line).append('\n');
            if (line.contains(expected)) {
                Thread.ofVirtual().start(() -> reader.lines().forEach(more -> output.append(more).append('\n')));
                return;
            }
        }
        throw new AssertionError("the server stopped before saying '" + expected + "':\n" + output);
    }

    /** One {@code gatehouse-server admin …} run to its end: exit code and output. */
    public record AdminRun(int exitCode, String output) { }

    public static AdminRun admin(Path dataDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("admin"));
        command.addAll(List.of(args));
        Process admin = launcher(dataDir, Map.of(), command).start();
        String out = new String(admin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new AdminRun(admin.waitFor(), out);
    }

    /** SIGTERM, as systemd and {@code docker stop} send it; the exit code once the server has stopped. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String output() {
        return output.toString();
    }

    /** kill -9: no shutdown hook, no closing of the database. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
