package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.HttpConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the server closes its port but lets a request that is still arriving finish with its real answer. */
class GracefulStopTest {

    private static final String BODY = "username=ed.developer&password=wrong";

    @TempDir
    Path dataDir;
    private Services services;

    @AfterEach
    void closeServices() {
        services.close();
    }

    @Test
    void stopWhileARequestIsInFlightThenNewConnectionsAreRefusedAndTheRequestStillGetsItsAnswer() throws Exception {
        services = Services.open(GatehouseConfig.defaults(dataDir).toBuilder().http(HttpConfig.LOOPBACK_ON_FREE_PORT)
                .build(), new SteppedClock(Instant.parse("2025-06-02T09:00:00Z")));
        GatehouseServer server = GatehouseServer.start(services);
        int port = server.port();

        try (Socket slow = new Socket("127.0.0.1", port)) {
            OutputStream out = slow.getOutputStream();
            String head = "POST /signin HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + BODY.length() + "\r\n\r\n";
            out.write((head + BODY.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitInFlight(server);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            awaitRefused(port);
            assertThat(stopping).isNotDone();   // still waiting for the request that has not finished arriving

            out.write(BODY.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(slow.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 403");
            stopping.get(GatehouseServer.STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static void awaitInFlight(GatehouseServer server) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (server.requestsInFlight() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(server.requestsInFlight()).isEqualTo(1);
    }

    /** The port closes first when a stop begins: poll until a new connection is refused. */
    private static void awaitRefused(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(20);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                throw new AssertionError(other);
            }
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
