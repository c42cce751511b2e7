package dev.gatehouse.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keycloak's {@code bin/kc.sh start-dev} (embedded H2 in its home's data directory) on a free loopback port,
 * with its bootstrap administrator set through the environment and Keycloak's own default JVM options.
 *
 * <p>kc.sh starts Keycloak's JVM as a background child and waits for it; only after an implicit re-build it
 * execs the JVM in its own place. So the measured process is whichever of kc.sh and its descendants runs
 * java, looked up once Keycloak answers.
 */
final class KeycloakProcess implements MeasuredProcess, AutoCloseable {

    static final String ADMIN_USERNAME = "admin";
    // A throw-away administrator of a throw-away Keycloak on loopback, gone when the run ends.
    static final String ADMIN_PASSWORD = "Gatehouse-bench-admin-1";
    // 30 s on a quiet 2-core machine; 3.7 minutes was seen with a load average of 25.
    private static final Duration STARTUP = Duration.ofMinutes(6);

    private final Process script;
    private final ProcessHandle java;
    private final URI baseUri;
    private final Duration startup;

    private KeycloakProcess(Process script, ProcessHandle java, URI baseUri, Duration startup) {
        this.script = script;
        this.java = java;
        this.baseUri = baseUri;
        this.startup = startup;
    }

    static KeycloakProcess start(Path home, Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                // Off while health and metrics are off; moved off the fixed default 9000 all the same.
                "--http-management-port=" + freePort(), "--health-enabled=false", "--metrics-enabled=false",
                // As the it module starts it: H2 of this version needs VALUE to stay a plain identifier.
                "--db-url=jdbc:h2:file:" + home.resolve("data/h2/keycloakdb") + ";NON_KEYWORDS=VALUE");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("JAVA_OPTS");
        env.remove("JAVA_OPTS_KC_HEAP");
        // JBoss Threads resets thread locals through java.lang internals; on Java 24+ it needs this.
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        long started = System.nanoTime();
        Process script = builder.start();
        URI baseUri = URI.create("http://127.0.0.1:" + port);
        try {
            awaitReady(script, baseUri, log, started);
        } catch (IOException | RuntimeException e) {
            stop(script);
            throw e;
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        return new KeycloakProcess(script, javaOf(script), baseUri, startup);
    }

    URI baseUri() {
        return baseUri;
    }

    /** Process start ({@code kc.sh}) to the master realm's discovery document answering. */
    Duration startup() {
        return startup;
    }

    @Override
    public ProcessHandle measured() {
        return java;
    }

    @Override
    public void close() {
        stop(script);
    }

    private static ProcessHandle javaOf(Process script) {
        List<ProcessHandle> tree = new ArrayList<>(List.of(script.toHandle()));
        tree.addAll(script.descendants().toList());
        return tree.stream().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no java process under kc.sh"));
    }

    /** Polls the master realm's discovery document, pacing the polls by waiting for the process to exit. */
    private static void awaitReady(Process process, URI baseUri, Path log, long started)
            throws IOException, InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUri + "/realms/master/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = started + STARTUP.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                try {
                    process.onExit().get(100, TimeUnit.MILLISECONDS);
                    throw new IOException("Keycloak exited with status " + process.exitValue()
                            + " before it was ready; see " + log);
                } catch (TimeoutException stillRunning) {
                    // poll again
                } catch (ExecutionException e) {
                    throw new IOException(e);
                }
            }
        }
        throw new IOException("Keycloak was not ready within " + STARTUP + "; see " + log);
    }

    /** Stops kc.sh and every process under it, the JVM first. */
    private static void stop(Process script) {
        List<ProcessHandle> tree = new ArrayList<>(script.descendants().toList());
        tree.add(script.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
