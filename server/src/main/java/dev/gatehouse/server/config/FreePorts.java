package dev.gatehouse.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Port 0 means "any free port": the public URL needs the number before the server starts, so one is chosen here
 * and bound a moment later. It is chosen below the ports operating systems hand out to outgoing connections
 * (Linux 32768–60999, Windows and macOS 49152–65535): a port the system picked for us would be one it may also
 * give, in that moment, to some client's connection, and the server's bind would then fail.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_767;
    private static final int TRIES = 100;

    private FreePorts() {
    }

    public static int find() {
        IOException last = null;
        for (int i = 0; i < TRIES; i++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new UncheckedIOException("no free port between " + LOWEST + " and " + HIGHEST, last);
    }
}
