package dev.gatehouse.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void findWhenCalledThenABindablePortBelowTheEphemeralRanges() throws IOException {
        int port = FreePorts.find();

        assertThat(port).as("below Linux's 32768 and Windows/macOS's 49152").isBetween(20_000, 32_767);
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }
}
