package dev.gatehouse.it.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Samba Active Directory domain controller: provisioned once per test JVM ({@link #shared()}) into a
 * temporary directory with {@code samba-tool domain provision}, serving LDAP only, on a loopback address of its own
 * (its ports are fixed at 389/636, a system samba-ad-dc would hold 127.0.0.1, and another test JVM's Samba may hold
 * 127.0.0.2: the first of 127.0.0.2–127.0.0.31 that this JVM can lock and that nothing answers on), started in the
 * foreground with {@code samba -i -M single} and stopped by its PID when the JVM exits. Its domain is {@value #REALM}; tests add
 * what they need with {@link #tool} ({@code samba-tool} on the private smb.conf) or over LDAP as the domain
 * administrator, each below an OU of its own.
 */
public final class SambaAdServer {

    public static final Path SAMBA = Path.of("/usr/sbin/samba");
    public static final Path SAMBA_TOOL = Path.of("/usr/bin/samba-tool");
    public static final int PORT = 389;
    public static final String REALM = "gatehouse.test";
    public static final String BASE_DN = "DC=gatehouse,DC=test";
    public static final String ADMIN_DN = "CN=Administrator,CN=Users," + BASE_DN;
    public static final String ADMIN_PASSWORD = "Samba-Admin-passw0rd1";
    /** The domain's lockout policy: this many wrong passwords in a row lock an account, as many ADs do. */
    public static final int LOCKOUT_THRESHOLD = 5;

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);
    private static final List<FileLock> ADDRESS_LOCKS = new ArrayList<>();
    private static SambaAdServer shared;

    private final Process process;
    private final Path smbConf;
    private final String host;

    private SambaAdServer(Process process, Path smbConf, String host) {
        this.process = process;
        this.smbConf = smbConf;
        this.host = host;
    }

    /** Why the tests cannot run here, or null when they can: samba installed, and root to run it. */
    static String missing() {
        if (!Files.isExecutable(SAMBA) || !Files.isExecutable(SAMBA_TOOL)) {
            return "Samba (Debian package samba: " + SAMBA + ", " + SAMBA_TOOL + ") is not installed";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "samba is installed, but a Samba AD domain controller must run as root";
        }
        return null;
    }

    public static synchronized SambaAdServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String url() {
        return "ldap://" + host + ":" + PORT;
    }

    public long pid() {
        return process.pid();
    }

    /** A connection bound as the domain administrator, to add and change entries as a directory admin would. */
    public LDAPConnection asAdmin() {
        try {
            return new LDAPConnection(host, PORT, ADMIN_DN, ADMIN_PASSWORD);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot bind to Samba as the administrator: " + e.getMessage(), e);
        }
    }

    /**
     * A simple bind as {@code dn}, as a logon somewhere else in the domain would try it: null when it succeeded,
     * else the directory's diagnostic message ({@code ..., data 52e, ...}).
     */
    public String bind(String dn, String password) {
        try (LDAPConnection connection = new LDAPConnection(host, PORT)) {
            connection.bind(dn, password);
            return null;
        } catch (LDAPException e) {
            return e.getDiagnosticMessage();
        }
    }

    /** Runs {@code samba-tool args…} against this domain's database; its output, or a failure with it. */
    public String tool(String... args) {
        List<String> command = new ArrayList<>(List.of(SAMBA_TOOL.toString()));
        command.addAll(List.of(args));
        command.add("--configfile=" + smbConf);
        return run(command, smbConf.getParent());
    }

    /** An organizational unit below the domain, e.g. {@code OU=People,OU=SignIn}; its full DN. */
    public String addOu(String relativeDn) {
        String dn = relativeDn + "," + BASE_DN;
        String name = relativeDn.split(",")[0].substring("OU=".length());
        try (LDAPConnection admin = asAdmin()) {
            admin.add("dn: " + dn, "objectClass: organizationalUnit", "ou: " + name);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("cannot add " + dn + ": " + e.getMessage(), e);
        }
        return dn;
    }

    private static SambaAdServer start() {
        try {
            String host = freeAddress();
            Path home = Files.createTempDirectory("gatehouse-samba");
            Path dc = home.resolve("dc");
            Path pids = Files.createDirectories(home.resolve("pid"));
            run(List.of(SAMBA_TOOL.toString(), "domain", "provision", "-s", "/dev/null", "--realm=" + REALM,
                    "--domain=GATEHOUSE", "--server-role=dc", "--dns-backend=NONE",
                    "--adminpass=" + ADMIN_PASSWORD, "--targetdir=" + dc, "--option=interfaces=" + host + "/8",
                    "--option=bind interfaces only=yes", "--option=server services=ldap",
                    "--option=pid directory=" + pids), home);
            Path smbConf = dc.resolve("etc/smb.conf");
            run(List.of(SAMBA_TOOL.toString(), "domain", "passwordsettings", "set",
                    "--account-lockout-threshold=" + LOCKOUT_THRESHOLD, "--configfile=" + smbConf), home);
            // Provision drops these, so they are written into the generated file: simple binds over plain LDAP
            // (the tests' directory is on loopback), no TLS key to generate at start, no fsync per write.
            Files.writeString(smbConf, Files.readString(smbConf).replaceFirst("\\[global]",
                    "[global]\n\tldap server require strong auth = no\n\ttls enabled = no\n\tldb:nosync = true"));
            Path log = home.resolve("samba.log");
            Process process = new ProcessBuilder(SAMBA.toString(), "-i", "-M", "single", "-s", smbConf.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, home), "samba-stop"));
            SambaAdServer server = new SambaAdServer(process, smbConf, host);
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start samba: " + e.getMessage(), e);
        }
    }

    /**
     * A loopback address for this JVM's Samba: held by a lock file for the JVM's life (another test JVM provisioning
     * at the same moment takes the next), and with nothing answering on its port 389 (a Samba or slapd started some
     * other way would answer instead of ours).
     */
    private static String freeAddress() throws IOException {
        for (int last = 2; last < 32; last++) {
            String candidate = "127.0.0." + last;
            FileChannel lockFile = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"),
                    "gatehouse-samba-" + candidate + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockFile.tryLock();
            if (lock == null) {
                lockFile.close();
                continue;
            }
            if (!answers(candidate)) {
                // Kept open (and so locked) until the JVM exits; never released by hand.
                ADDRESS_LOCKS.add(lock);
                return candidate;
            }
            lockFile.close();
        }
        throw new IllegalStateException("no free loopback address 127.0.0.2-31 with nothing on port " + PORT
                + " (a system samba-ad-dc listening on every address? stop it: systemctl stop samba-ad-dc)");
    }

    private static boolean answers(String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, PORT), 500);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("samba exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try (LDAPConnection ignored = asAdmin()) {
                return;
            } catch (IllegalStateException notYet) {
                process.onExit().completeOnTimeout(null, 100, TimeUnit.MILLISECONDS).join();
            }
        }
        throw new IllegalStateException("samba was not ready within " + STARTUP + "; see " + log);
    }

    private static String run(List<String> command, Path directory) {
        try {
            Process tool = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            tool.getOutputStream().close();
            String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!tool.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                tool.destroyForcibly();
                throw new IllegalStateException(command.get(1) + " did not finish: " + output);
            }
            if (tool.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, 3)) + " failed with "
                        + tool.exitValue() + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void stop(Process process, Path home) {
        process.destroy();
        process.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it up eventually
        }
    }
}
