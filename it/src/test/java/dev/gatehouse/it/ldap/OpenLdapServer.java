package dev.gatehouse.it.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private OpenLDAP server: Debian's {@code slapd} with its own {@code slapd.conf} (an mdb database, the memberof
 * and refint overlays), on a free loopback port, started at most once per test JVM ({@link #shared()}) and stopped
 * by its PID when the JVM exits; or one for a single test ({@link #startPrivate()}) that the test may stop early,
 * to see a directory go down. Its suffix is {@value #SUFFIX}, its root {@value #ROOT_DN}; entries are added over
 * LDAP by the tests, passwords stored pre-hashed as {@code {SSHA}}.
 */
public final class OpenLdapServer implements AutoCloseable {

    public static final Path SLAPD = Path.of("/usr/sbin/slapd");
    public static final String SUFFIX = "dc=example,dc=com";
    public static final String ROOT_DN = "cn=admin," + SUFFIX;
    public static final String ROOT_PASSWORD = "OpenLdap-root-1";

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static OpenLdapServer shared;

    /** Lets the root DN set operational attributes such as entryUUID, so two servers can hold the same entry. */
    public static final String RELAX_CONTROL = "1.3.6.1.4.1.4203.666.5.12";

    private final Process process;
    private final int port;
    private final Path home;

    private OpenLdapServer(Process process, int port, Path home) {
        this.process = process;
        this.port = port;
        this.home = home;
    }

    static boolean installed() {
        return Files.isExecutable(SLAPD);
    }

    public static synchronized OpenLdapServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A server of its own for one test, which it stops ({@link #stop()}) or closes when done. */
    public static OpenLdapServer startPrivate() {
        return start();
    }

    /** Stops slapd by its PID, as a crashed or switched-off directory server; the URL then refuses connections. */
    public void stop() {
        process.destroy();
        process.onExit().completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS).join();
        if (process.isAlive()) {
            process.destroyForcibly().onExit().join();
        }
    }

    @Override
    public void close() {
        stop(process, home);
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** A connection bound as the root DN, for the test to add and delete entries as a directory administrator. */
    public LDAPConnection asRoot() {
        try {
            return new LDAPConnection("127.0.0.1", port, ROOT_DN, ROOT_PASSWORD);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot bind to slapd as root: " + e.getMessage(), e);
        }
    }

    /** The {@code {SSHA}} form of a password: SHA-1 over the password and a random salt, then the salt. */
    public static String ssha(String password) {
        try {
            byte[] salt = new byte[8];
            new SecureRandom().nextBytes(salt);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(salt);
            byte[] digest = sha1.digest();
            byte[] both = new byte[digest.length + salt.length];
            System.arraycopy(digest, 0, both, 0, digest.length);
            System.arraycopy(salt, 0, both, digest.length, salt.length);
            return "{SSHA}" + Base64.getEncoder().encodeToString(both);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OpenLdapServer start() {
        try {
            Path home = Files.createTempDirectory("gatehouse-slapd");
            Path data = Files.createDirectories(home.resolve("data"));
            Path config = home.resolve("slapd.conf");
            Files.writeString(config, String.join("\n", List.of(
                    "include /etc/ldap/schema/core.schema",
                    "include /etc/ldap/schema/cosine.schema",
                    "include /etc/ldap/schema/inetorgperson.schema",
                    "pidfile " + home.resolve("slapd.pid"),
                    "argsfile " + home.resolve("slapd.args"),
                    "modulepath /usr/lib/ldap",
                    "moduleload back_mdb",
                    "moduleload memberof",
                    "moduleload refint",
                    // People may check their own password; the bind account and everyone signed in may read.
                    "access to attrs=userPassword by self read by anonymous auth by * none",
                    "access to * by users read by * none",
                    "database mdb",
                    "maxsize 67108864",
                    "suffix \"" + SUFFIX + "\"",
                    "rootdn \"" + ROOT_DN + "\"",
                    "rootpw " + ssha(ROOT_PASSWORD),
                    "directory " + data,
                    "overlay memberof",
                    "overlay refint",
                    "refint_attributes member",
                    "")));
            int port = freePort();
            Path log = home.resolve("slapd.log");
            Process process = new ProcessBuilder(SLAPD.toString(), "-d", "0", "-f", config.toString(), "-h",
                    "ldap://127.0.0.1:" + port + "/").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, home), "slapd-stop"));
            OpenLdapServer server = new OpenLdapServer(process, port, home);
            server.awaitReady(log);
            server.addBase();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start slapd: " + e.getMessage(), e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try (LDAPConnection ignored = asRoot()) {
                return;
            } catch (IllegalStateException notYet) {
                process.onExit().completeOnTimeout(null, 50, java.util.concurrent.TimeUnit.MILLISECONDS).join();
            }
        }
        throw new IllegalStateException("slapd was not ready within " + STARTUP + "; see " + log);
    }

    private void addBase() {
        try (LDAPConnection root = asRoot()) {
            root.add("dn: " + SUFFIX, "objectClass: dcObject", "objectClass: organization", "dc: example",
                    "o: Example");
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("cannot add " + SUFFIX + ": " + e.getMessage(), e);
        }
    }

    private static void stop(Process process, Path home) {
        process.destroy();
        process.onExit().completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS).join();
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(home)) {
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
