package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse-server} as its own process: SIGTERM stops it in order, and it exits 0. */
class ServerProcessStopTest {

    @TempDir
    Path dataDir;

    @Test
    void sigtermWhenTheServerRunsThenItStopsInOrderAndExitsZero() throws Exception {
        Path log = dataDir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().put("GATEHOUSE_DATA_DIR", dataDir.resolve("data").toString());
        builder.environment().put("GATEHOUSE_PORT", Integer.toString(freePort()));
        Process server = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            readUntil(out, "Gatehouse listening", seen);

            server.toHandle().destroy();   // SIGTERM on Linux, leaving its output open (Process.destroy closes it)

            readUntil(out, "Stopped", seen);
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as(seen.toString()).isTrue();
            assertThat(server.exitValue()).as(seen.toString()).isZero();
            assertThat(seen).contains("Stopping: no new connections");
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static void readUntil(BufferedReader out, String text, StringBuilder seen) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.contains(text)) {
                return;
            }
        }
        throw new AssertionError("the server's output ended before \"" + text + "\":\n" + seen);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
