package dev.gatehouse.server;

import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.HttpConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Gatehouse on a free loopback port, with its own H2 database and a stepped clock, for the tests of one class
 * that call it over HTTP: {@code @RegisterExtension static final RunningServer gatehouse = new RunningServer();}.
 */
public final class RunningServer implements BeforeAllCallback, AfterAllCallback {

    public final SteppedClock clock = new SteppedClock(Instant.parse("2025-06-02T09:00:00Z"));
    private final UnaryOperator<GatehouseConfig> configured;
    private Path dataDir;
    private Services services;
    private GatehouseServer server;

    public RunningServer() {
        this(UnaryOperator.identity());
    }

    /** @param configured changes to the test configuration, e.g. trusting a proxy */
    public RunningServer(UnaryOperator<GatehouseConfig> configured) {
        this.configured = configured;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("gatehouse-test");
        services = Services.open(configured.apply(GatehouseConfig.defaults(dataDir).toBuilder()
                .http(HttpConfig.LOOPBACK_ON_FREE_PORT).build()), clock);
        server = GatehouseServer.start(services);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        if (services != null) {
            services.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public Services services() {
        return services;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
