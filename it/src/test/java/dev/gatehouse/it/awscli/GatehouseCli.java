package dev.gatehouse.it.awscli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/gatehouse}, run by the same user as an {@link AwsCli}: the same home, config file and environment,
 * so the two share {@code ~/.aws} as they do on a developer's machine.
 */
final class GatehouseCli {

    static final Path EXECUTABLE = Path.of(System.getProperty("user.dir")).getParent().resolve("bin/gatehouse");

    private final AwsCli user;

    GatehouseCli(AwsCli user) {
        this.user = user;
    }

    CommandResult run(String... args) {
        return Commands.run(command(args), environment(), user.home(), AwsCli.TIMEOUT);
    }

    RunningCommand start(String... args) {
        List<String> command = command(args);
        return Commands.start("`" + String.join(" ", command) + "`", command, environment(), user.home());
    }

    /** The user's environment, plus the JDK this test runs on: the launcher needs one of 21 or newer. */
    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(user.environment());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return environment;
    }

    private static List<String> command(String... args) {
        return Stream.concat(Stream.of(EXECUTABLE.toString()), Stream.of(args)).toList();
    }
}
