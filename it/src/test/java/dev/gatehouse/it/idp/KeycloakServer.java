package dev.gatehouse.it.idp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Keycloak, the company's identity provider in the tests: {@code bin/kc.sh start-dev} from the distribution
 * Maven unpacks into {@code it/target/keycloak}, started at most once per test JVM ({@link #shared()}) and stopped by
 * a shutdown hook. It listens on 127.0.0.1 only, on a port the OS picked; its management interface (health,
 * metrics) stays off, and its H2 database lives in a temporary directory of its own. Its log is kept in
 * {@code it/target/keycloak.log}.
 */
public final class KeycloakServer {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "Gatehouse-Keycloak-admin-1";

    /** Generous: the first start on a clean checkout also runs Keycloak's build step, on two shared cores. */
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration POLL = Duration.ofMillis(250);

    private static KeycloakServer shared;

    private final URI baseUri;
    private final Process process;
    private final Path log;
    private final Duration startup;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(URI baseUri, Process process, Path log, Duration startup) {
        this.baseUri = baseUri;
        this.process = process;
        this.log = log;
        this.startup = startup;
    }

    /** The one Keycloak of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Where Maven unpacked Keycloak, if it did. */
    static Optional<Path> home() {
        String configured = System.getProperty("gatehouse.keycloak.home");
        Path home = configured != null ? Path.of(configured) : Path.of("target", "keycloak");
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return Optional.of(home.toAbsolutePath());
        }
        if (configured == null && Files.isDirectory(home)) {
            try (Stream<Path> dirs = Files.list(home)) {
                return dirs.filter(d -> Files.isRegularFile(d.resolve("bin/kc.sh"))).map(Path::toAbsolutePath)
                        .findFirst();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.empty();
    }

    /** For example {@code http://127.0.0.1:40123}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The issuer of a realm's tokens, as Keycloak names it in the realm's discovery document. */
    public URI issuer(String realm) {
        return URI.create(baseUri + "/realms/" + realm);
    }

    /** The admin REST API, as the bootstrap administrator of the master realm. */
    public KeycloakAdmin admin() {
        return new KeycloakAdmin(http, baseUri, ADMIN_USERNAME, ADMIN_PASSWORD);
    }

    /** How long this Keycloak took from process start to answering its master realm's discovery document. */
    public Duration startupTime() {
        return startup;
    }

    /** The PID of {@code kc.sh}, which execs Keycloak's JVM. */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    private static KeycloakServer start() {
        Path home = home().orElseThrow(() -> new IllegalStateException(
                "Keycloak is not unpacked in it/target/keycloak: run the it tests through Maven"));
        try {
            Path data = Files.createTempDirectory("gatehouse-keycloak-");
            Path log = Path.of(System.getProperty("gatehouse.keycloak.log", "target/keycloak.log")).toAbsolutePath();
            Files.createDirectories(log.getParent());
            int port = freePort();
            int managementPort = freePort();
            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port,
                    // Off while health and metrics are off; moved off the fixed default 9000 all the same.
                    "--http-management-port=" + managementPort, "--health-enabled=false",
                    "--metrics-enabled=false",
                    "--db-url=jdbc:h2:file:" + data.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            // The test JVM's own Java (Temurin 25 here); Keycloak 26 needs 21 or later.
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.remove("JAVA_OPTS");
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            // JBoss Threads resets thread locals through java.lang internals; on Java 24+ it needs this, or
            // Keycloak's worker threads die with IllegalAccessError when they finish (seen at shutdown).
            env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            long started = System.nanoTime();
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, data), "keycloak-stop"));
            URI baseUri = URI.create("http://127.0.0.1:" + port);
            awaitReady(process, baseUri, log, started);
            return new KeycloakServer(baseUri, process, log, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls the master realm's discovery document, pacing the polls by waiting for the process to exit. */
    private static void awaitReady(Process process, URI baseUri, Path log, long started) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(
                URI.create(baseUri + "/realms/master/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = started + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            try {
                process.onExit().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before it was ready; see " + log);
            } catch (TimeoutException stillRunning) {
                // poll again
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP + "; see " + log);
    }

    /** Stops kc.sh and every process under it (its build step, then Keycloak's JVM), then drops its database. */
    private static void stop(Process process, Path data) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                handle.destroyForcibly();
            } catch (InterruptedException | ExecutionException e) {
                handle.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it up eventually
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
