package dev.gatehouse.it.awscli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The unmodified Debian AWS CLI 2.9.19 ({@code /usr/bin/aws}) as one user runs it: a home of its own, the
 * {@code ~/.aws} files in it, nothing from the test's environment, and {@code AWS_DATA_PATH} sending every SSO
 * and STS request to Gatehouse (see {@link EndpointRuleSets}).
 */
final class AwsCli {

    /** Called by its full path: on some machines a Python v1 {@code aws} comes first on PATH. */
    static final Path EXECUTABLE = Path.of("/usr/bin/aws");

    /** The CLI's own interpreter, which lends {@link #startInTerminal} a pseudo-terminal. */
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String IN_A_TERMINAL =
            "import os, pty, sys; sys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))";

    /** Far above the second or two each command takes; only a hung command reaches it. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path caBundle;

    private AwsCli(Path home, Path caBundle) {
        this.home = home;
        this.caBundle = caBundle;
    }

    /** A user with an empty home whose CLI reaches Gatehouse at {@code endpointUrl}. */
    static AwsCli forUser(Path home, String endpointUrl) {
        return forUser(home, endpointUrl, null);
    }

    /** As {@link #forUser(Path, String)}, trusting the certificates in {@code caBundle} ({@code AWS_CA_BUNDLE}). */
    static AwsCli forUser(Path home, String endpointUrl, Path caBundle) {
        EndpointRuleSets.write(home.resolve("aws-data-path"), endpointUrl);
        return new AwsCli(home, caBundle);
    }

    Path home() {
        return home;
    }

    Path configFile() {
        return home.resolve(".aws/config");
    }

    /** {@code ~/.aws/sso/cache}: SSO tokens and client registrations. */
    Path ssoCache() {
        return home.resolve(".aws/sso/cache");
    }

    TokenCache tokens() {
        return new TokenCache(ssoCache());
    }

    /** {@code ~/.aws/cli/cache}: role credentials. */
    Path credentialCache() {
        return home.resolve(".aws/cli/cache");
    }

    /** Deletes the cached role credentials, as their expiry would, so the next command needs the SSO token. */
    void forgetCachedCredentials() {
        if (!Files.isDirectory(credentialCache())) {
            return;
        }
        try (Stream<Path> files = Files.list(credentialCache())) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeConfig(String text) {
        try {
            Files.createDirectories(configFile().getParent());
            Files.writeString(configFile(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String config() {
        try {
            return Files.readString(configFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment every command gets, and nothing else: no {@code AWS_*} variable leaks in. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PATH", "/usr/bin:/bin",
                "HOME", home.toString(),
                "LANG", "C.UTF-8",
                "AWS_CONFIG_FILE", configFile().toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString(),
                "AWS_DATA_PATH", home.resolve("aws-data-path").toString(),
                "AWS_PAGER", "",
                // No cursor-position queries: no terminal emulator is there to answer them.
                "TERM", "dumb"));
        if (caBundle != null) {
            environment.put("AWS_CA_BUNDLE", caBundle.toString());
        }
        return environment;
    }

    /** Runs {@code aws args…} to the end with no input. */
    CommandResult run(String... args) {
        return Commands.run(command(args), environment(), home, TIMEOUT);
    }

    /** Starts {@code aws args…} with pipes, for a command the test watches and answers while it runs. */
    RunningCommand start(String... args) {
        List<String> command = command(args);
        return Commands.start("`" + String.join(" ", command) + "`", command, environment(), home);
    }

    /** Starts {@code aws args…} on a pseudo-terminal, as interactive prompts ({@code configure sso}) need. */
    RunningCommand startInTerminal(String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", IN_A_TERMINAL));
        command.addAll(command(args));
        return Commands.start("`" + String.join(" ", command(args)) + "` on a terminal", command, environment(),
                home);
    }

    private static List<String> command(String... args) {
        return Stream.concat(Stream.of(EXECUTABLE.toString()), Stream.of(args)).toList();
    }
}
