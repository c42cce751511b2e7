package dev.gatehouse.server.admin;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/** The command line's side of the {@link AdminSocket}: hands the arguments to a running server and prints its answer. */
public final class AdminClient {

    private AdminClient() {
    }

    /**
     * Runs the command on the server listening on {@code socket}, printing what it prints.
     *
     * @return the command's exit code, or empty when no server listens there (no socket file, or one left by a
     *         server that is gone): then the caller opens the database itself
     */
    public static OptionalInt tryRun(Path socket, List<String> args, PrintStream out, PrintStream err) {
        if (!Files.exists(socket)) {
            return OptionalInt.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                channel.close();
                return OptionalInt.empty();
            }
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        try (channel) {
            AdminFrames.writeRequest(Channels.newOutputStream(channel), args);
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            while (true) {
                AdminFrames.Frame frame = AdminFrames.Frame.read(in);
                switch (frame.kind()) {
                    case AdminFrames.OUT -> out.print(frame.text());
                    case AdminFrames.ERR -> err.print(frame.text());
                    default -> {
                        out.flush();
                        err.flush();
                        return OptionalInt.of(frame.exitCode());
                    }
                }
            }
        } catch (IOException e) {
            out.flush();
            err.println("gatehouse-server admin: the running server at " + socket + " did not finish the command ("
                    + e + "); it may or may not have taken effect. If you are not the user the server runs as, "
                    + "run this as that user.");
            return OptionalInt.of(AdminCommand.DOMAIN_ERROR);
        }
    }
}
