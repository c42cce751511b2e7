package dev.gatehouse.it.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/gatehouse} as a person runs it: a child process in a home of its own, with no AWS variables from
 * the test's environment and no display (so no browser opens).
 */
final class GatehouseCli {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path LAUNCHER = ROOT.resolve("bin/gatehouse");
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static boolean built;

    private final Path home;
    private final Map<String, String> extraVariables;

    GatehouseCli(Path home) {
        this(home, Map.of());
    }

    private GatehouseCli(Path home, Map<String, String> extraVariables) {
        this.home = home;
        this.extraVariables = extraVariables;
        buildOnce();
    }

    /** The same user with some variables set, e.g. {@code AWS_PROFILE}. */
    GatehouseCli with(Map<String, String> variables) {
        return new GatehouseCli(home, variables);
    }

    Path home() {
        return home;
    }

    Path config() {
        return home.resolve(".aws/config");
    }

    CliProcess.Result run(String... args) {
        return runWithInput("", args);
    }

    CliProcess.Result runWithInput(String stdin, String... args) {
        try (CliProcess process = start(stdin, args)) {
            return process.awaitExit(TIMEOUT);
        }
    }

    CliProcess start(String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("AWS_") || key.equals("BROWSER") || key.equals("DISPLAY")
                || key.equals("WAYLAND_DISPLAY"));
        environment.put("HOME", home.toString());
        environment.putAll(extraVariables);
        try {
            return new CliProcess(builder.start(), String.join(" ", args), stdin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + LAUNCHER, e);
        }
    }

    /**
     * The launcher rebuilds the CLI when its sources are newer than the jar: let that happen once, here, rather
     * than in two processes a test starts together.
     */
    private static synchronized void buildOnce() {
        if (built) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "--version").redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("bin/gatehouse --version failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        built = true;
    }
}
