package dev.gatehouse.server;

import dev.gatehouse.server.admin.AdminSocket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Stops a running server once: admin socket, then HTTP (requests in flight finish, up to
 * {@link GatehouseServer#STOP_GRACE}), then the database. SIGTERM and SIGINT are handled here rather than left to
 * the JVM, which would exit with 143 instead of 0 after an orderly stop; a shutdown hook covers other exits.
 */
final class OrderlyStop {

    private static final Logger LOG = LoggerFactory.getLogger(OrderlyStop.class);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final AtomicBoolean stopped = new AtomicBoolean();

    private OrderlyStop() {
    }

    /** Installed before the server starts, so that a signal during start-up still means an orderly stop. */
    static OrderlyStop onSignals() {
        OrderlyStop stop = new OrderlyStop();
        for (String signal : List.of("TERM", "INT")) {
            Signal.handle(new Signal(signal), received -> stop.requested.countDown());
        }
        return stop;
    }

    /**
     * Blocks until SIGTERM or SIGINT arrives, then stops; returns when everything is closed.
     *
     * @param adminSocket null when the server runs without one
     */
    void awaitThenStop(AdminSocket adminSocket, GatehouseServer server, Services services)
            throws InterruptedException {
        Runnable stop = () -> stop(adminSocket, server, services);
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "gatehouse-shutdown"));
        requested.await();
        stop.run();
    }

    private void stop(AdminSocket adminSocket, GatehouseServer server, Services services) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping: no new connections; requests in flight get up to {} s to finish",
                GatehouseServer.STOP_GRACE.toSeconds());
        if (adminSocket != null) {
            adminSocket.close();
        }
        server.close();
        services.close();
        LOG.info("Stopped");
    }
}
