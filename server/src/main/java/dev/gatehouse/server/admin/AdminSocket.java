package dev.gatehouse.server.admin;

import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.DataDirectory;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code gatehouse-server admin} reaches a running server: a Unix domain socket, {@value #FILE_NAME} in the
 * data directory (0700; the socket itself 0600), accepting only peers running as the server's own user
 * ({@code SO_PEERCRED}). Each connection carries one command ({@link AdminFrames}), which runs here on the
 * server's {@link Services} exactly as it would on its own, its output streamed back. No TCP port is opened:
 * the embedded database stays open to this process alone (docs/architecture.md, "The admin socket").
 */
public final class AdminSocket implements AutoCloseable {

    public static final String FILE_NAME = "admin.sock";

    private static final Logger LOG = LoggerFactory.getLogger(AdminSocket.class);

    private final Services services;
    private final Path path;
    private final ServerSocketChannel server;
    private final UserPrincipal owner;
    private final Thread acceptor;

    private AdminSocket(Services services, Path path, ServerSocketChannel server, UserPrincipal owner) {
        this.services = services;
        this.path = path;
        this.server = server;
        this.owner = owner;
        this.acceptor = Thread.ofPlatform().daemon().name("gatehouse-admin-socket").start(this::acceptLoop);
    }

    /** The socket of the server whose data directory is {@code dataDir}. */
    public static Path path(Path dataDir) {
        return dataDir.toAbsolutePath().resolve(FILE_NAME);
    }

    /**
     * Listens in the data directory. A socket file left by a server that was killed is replaced: this server holds
     * the database now. {@code 0600} is set at once, and the directory (0700) keeps others out meanwhile.
     */
    public static AdminSocket listen(Services services) throws IOException {
        Path path = path(services.config().dataDir());
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
            DataDirectory.restrict(path, DataDirectory.OWNER_ONLY_FILE);
            // The file was made by this process, so its owner is the user this server runs as.
            UserPrincipal owner = Files.getOwner(path);
            LOG.info("Admin commands accepted on {}", path);
            return new AdminSocket(services, path, server, owner);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                Thread.ofVirtual().name("gatehouse-admin-command").start(() -> serve(connection));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("Admin socket: accept failed: {}", e.toString());
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            UnixDomainPrincipal peer = connection.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!owner.equals(peer.user())) {
                LOG.warn("Admin socket: refused a connection from user {} (only {} may administer)",
                        peer.user().getName(), owner.getName());
                return;
            }
            InputStream in = Channels.newInputStream(connection);
            List<String> args = AdminFrames.readRequest(in);
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(connection));
            int exitCode;
            try (PrintWriter stdout = new PrintWriter(new FrameWriter(out, AdminFrames.OUT), true);
                 PrintWriter stderr = new PrintWriter(new FrameWriter(out, AdminFrames.ERR), true)) {
                exitCode = run(args, stdout, stderr);
            }
            AdminFrames.writeExit(out, exitCode);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Admin socket: {}", e.toString());
        }
    }

    private int run(List<String> args, PrintWriter stdout, PrintWriter stderr) {
        try {
            return AdminCommand.runOn(services, args.toArray(String[]::new), stdout, stderr);
        } catch (RuntimeException e) {
            LOG.error("Admin command failed: {}", args.isEmpty() ? "(none)" : args.getFirst(), e);
            stderr.println("error: the command failed on the server; its log says why");
            return AdminCommand.DOMAIN_ERROR;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Admin socket: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends what a command prints as frames of one kind; both writers share the connection, one frame at a time. */
    private static final class FrameWriter extends Writer {

        private final DataOutputStream out;
        private final byte kind;
        private final StringBuilder pending = new StringBuilder();

        FrameWriter(DataOutputStream out, byte kind) {
            super(out);
            this.out = out;
            this.kind = kind;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            synchronized (lock) {
                pending.append(chars, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                if (!pending.isEmpty()) {
                    AdminFrames.writeFrame(out, kind, pending.toString());
                    pending.setLength(0);
                }
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
