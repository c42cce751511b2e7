package dev.gatehouse.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command reads from outside the command line: variables, home, standard streams, the clock.
 * One object, so tests run commands in-process against a temporary home without touching the real one.
 */
public record CliEnvironment(Map<String, String> variables, Path home, InputStream in, PrintStream out,
                             PrintStream err, Clock clock) {

    public static CliEnvironment system() {
        Map<String, String> variables = System.getenv();
        // Java takes user.home from the password database, not from HOME: honour HOME as the AWS CLI does.
        Path home = Path.of(Optional.ofNullable(variables.get("HOME")).filter(h -> !h.isBlank())
                .orElse(System.getProperty("user.home")));
        return new CliEnvironment(variables, home, System.in, System.out, System.err, Clock.systemUTC());
    }

    /** A variable's value, or empty when unset or blank (the AWS CLI treats both alike). */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    /** {@code ~/…} expanded against this home, as the AWS CLI expands paths in its variables. */
    public Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    public Path awsDirectory() {
        return home.resolve(".aws");
    }
}
