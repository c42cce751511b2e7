package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.server.config.DataDirectory;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin socket: a command handed to the running server runs there, on its services; nothing else gets in. */
class AdminSocketTest {

    @TempDir
    Path parent;
    private Path dataDir;
    private Services running;
    private AdminSocket socket;

    record Result(OptionalInt exitCode, String out, String err) { }

    @BeforeEach
    void start() throws IOException {
        dataDir = parent.resolve("data");   // made by the server: 0700
        running = Services.open(new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString())).load(),
                Clock.systemUTC());
        socket = AdminSocket.listen(running);
    }

    @AfterEach
    void stop() {
        socket.close();
        running.close();
    }

    private Result admin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OptionalInt code = AdminClient.tryRun(AdminSocket.path(dataDir), List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandThroughTheSocketThenRunsOnTheServersServicesWithItsOutputAndExitCode() {
        Result created = admin("users", "create", "--user-name", "ed.developer", "--given-name", "Ed",
                "--family-name", "Developer", "--email", "ed@example.com");

        assertThat(created.exitCode()).hasValue(0);
        assertThat(created.out()).contains("created user ed.developer").contains("activation link: ");
        assertThat(running.core().identityStore().listUsers(null, 10)).extracting(u -> u.userName())
                .contains("ed.developer");

        Result refused = admin("users", "disable", "nobody");
        assertThat(refused.exitCode()).hasValue(1);
        assertThat(refused.err()).startsWith("error: ");

        Result usage = admin("users", "frobnicate");
        assertThat(usage.exitCode()).hasValue(2);
        assertThat(usage.err()).contains("frobnicate");
    }

    @Test
    void dataDirectoryAndSocketThenOwnerOnly() throws IOException {
        assertThat(DataDirectory.OWNER_ONLY_DIRECTORY).isEqualTo(Files.getPosixFilePermissions(dataDir));
        assertThat(Files.getPosixFilePermissions(AdminSocket.path(dataDir))).isEqualTo(DataDirectory.OWNER_ONLY_FILE);
        try (var files = Files.list(dataDir)) {
            files.filter(Files::isRegularFile).forEach(file -> assertThat(permissions(file)).as(file.toString())
                    .isEqualTo(DataDirectory.OWNER_ONLY_FILE));
        }
    }

    @Test
    void requestLongerThanTheBoundThenRefusedUnreadAndNothingRuns() throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(AdminSocket.path(dataDir)));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeInt(AdminFrames.MAX_REQUEST + 1);
            out.flush();

            assertThat(Channels.newInputStream(channel).read()).as("closed without an answer").isEqualTo(-1);
        }
        assertThat(admin("users", "list").exitCode()).as("still serving").hasValue(0);
    }

    @Test
    void socketLeftByAServerThatIsGoneThenTheCommandLineOpensTheDatabaseItself() throws IOException {
        socket.close();
        // What kill -9 leaves: the socket file, and nobody listening on it.
        try (var killed = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            killed.bind(UnixDomainSocketAddress.of(AdminSocket.path(dataDir)));
        }
        assertThat(AdminSocket.path(dataDir)).exists();

        assertThat(admin("users", "list").exitCode()).isEmpty();
    }

    private static Object permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
