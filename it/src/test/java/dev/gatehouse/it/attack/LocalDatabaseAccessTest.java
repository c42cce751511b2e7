package dev.gatehouse.it.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.it.launcher.GatehouseProcess;
import dev.gatehouse.it.launcher.GatehouseProcess.AdminRun;
import dev.gatehouse.server.config.FreePorts;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 1: with {@code AUTO_SERVER} the embedded database listened on a TCP port on every interface,
 * and the key in the world-readable {@code gatehouse.lock.db} let any local user in as the database owner. Now the
 * server started as the README does listens on its HTTP port alone, its data is its user's alone, and
 * {@code gatehouse-server admin} still works beside it, through the admin socket.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LocalDatabaseAccessTest {

    @TempDir
    Path parent;

    @Test
    void serverStartedAsTheReadmeDoesThenOnlyItsHttpPortListensAndItsDataIsItsUsersAlone() throws Exception {
        Path dataDir = parent.resolve("data");
        // As a checkout in a home directory: others may walk to the data directory, so its own mode must stop them.
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port = FreePorts.find();
        try (GatehouseProcess server = GatehouseProcess.start(dataDir, port,
                Map.of("GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD", "Ch@ngeMe-2026"))) {

            // Open a database connection path the old code opened lazily, then look at the sockets.
            AdminRun created = GatehouseProcess.admin(dataDir, "users", "create", "--user-name", "ed.developer",
                    "--given-name", "Ed", "--family-name", "Developer", "--email", "ed@example.com");
            assertThat(created.exitCode()).as(created.output()).isZero();
            assertThat(created.output()).contains("created user ed.developer");

            Set<Integer> listening = listeningTcpPorts(server.pid());
            assertThat(listening).as("TCP ports the server process listens on").containsExactly(port);

            assertThat(mode(dataDir)).isEqualTo("rwx------");
            try (Stream<Path> files = Files.walk(dataDir)) {
                List<Path> inside = files.filter(path -> !path.equals(dataDir)).toList();
                // Directories inside (the class-data sharing archive's) need x to be entered: still the owner's alone.
                assertThat(inside).isNotEmpty().allSatisfy(path -> assertThat(mode(path)).as(path.toString())
                        .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
            }

            // The attack of the finding: the key from the lock file, against every port the server listens on.
            Set<Integer> ports = new TreeSet<>(listening);
            String key = dataDir.resolve("gatehouse").toString();
            Path lockFile = dataDir.resolve("gatehouse.lock.db");
            if (Files.exists(lockFile)) {
                Properties lock = new Properties();
                lock.load(new StringReader(Files.readString(lockFile, StandardCharsets.ISO_8859_1)));
                key = lock.getProperty("id", key) + "/" + key;
                String address = lock.getProperty("server", "");
                if (address.contains(":")) {
                    ports.add(Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)));
                }
            }
            for (int candidate : ports) {
                String url = "jdbc:h2:tcp://127.0.0.1:" + candidate + "/" + key;
                assertThatThrownBy(() -> DriverManager.getConnection(url, "gatehouse", "").close())
                        .as("H2 client against port %d", candidate).isInstanceOf(Exception.class);
            }
            assertThat(lockFile).doesNotExist();

            // Another local user can neither open the database file nor reach the admin socket.
            AdminRun asNobody = asOtherUser(dataDir, "users", "list");
            assertThat(asNobody.exitCode()).as(asNobody.output()).isNotZero();
            assertThat(asNobody.output()).doesNotContain("ed.developer");

            // The administrator's command line works beside the running server, which alone holds the database.
            AdminRun listed = GatehouseProcess.admin(dataDir, "users", "list");
            assertThat(listed.exitCode()).as(listed.output()).isZero();
            assertThat(listed.output()).contains("admin ").contains("ed.developer").doesNotContain("INFO");
            AdminRun events = GatehouseProcess.admin(dataDir, "events", "--event-name", "CreateUser");
            assertThat(events.output()).contains("ed.developer");
            assertThat(server.output()).doesNotContain("other users may read");
        }
    }

    /** Ports in state LISTEN (0A) in /proc/net/tcp{,6} whose socket inode is one of the process's descriptors. */
    static Set<Integer> listeningTcpPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc/" + pid + "/net/" + table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] fields = line.trim().split("\\s+");
                String localAddress = fields[1];
                if ("0A".equals(fields[3]) && inodes.contains(fields[9])) {
                    ports.add(Integer.parseInt(localAddress.substring(localAddress.indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    /** {@code nobody} (uid 65534), as any other local account: opens the H2 file directly, as the admin CLI would. */
    private static AdminRun asOtherUser(Path dataDir, String... args) throws IOException, InterruptedException {
        String javaHome = System.getProperty("java.home");
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--", javaHome + "/bin/java", "-cp", root.resolve("server/target/gatehouse-server-0.1.0-SNAPSHOT.jar")
                        + ":" + root.resolve("server/target/lib/*"), "dev.gatehouse.server.Main", "admin"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().put("GATEHOUSE_DATA_DIR", dataDir.toString());
        builder.environment().put("HOME", "/tmp");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new AdminRun(process.waitFor(), out);
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
