package dev.gatehouse.server;

import dev.gatehouse.server.admin.AdminClient;
import dev.gatehouse.server.admin.AdminCommand;
import dev.gatehouse.server.admin.AdminSocket;
import dev.gatehouse.server.admin.PathArguments;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.InvalidConfigException;
import dev.gatehouse.server.logging.LogFormat;
import dev.gatehouse.server.logging.LogSetup;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code gatehouse-server} starts the server; {@code gatehouse-server admin …} administers the configured
 * database, also while a server runs on it: then through that server's admin socket ({@link AdminSocket}).
 */
public final class Main {

    static final int CONFIG_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "admin".equals(args[0])) {
            // A command line prints its result, not the connection pool's and migrator's progress.
            LogSetup.apply(LogFormat.PLAIN, "warn");
            System.exit(admin(Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        }
        if (args.length > 0 && "--version".equals(args[0])) {
            System.out.println("gatehouse-server " + ServerVersion.current());
            System.exit(0);
        }
        if (args.length > 0 && !"serve".equals(args[0])) {
            System.err.println("usage: gatehouse-server [serve] | gatehouse-server admin <command>  (try: admin --help)"
                    + " | gatehouse-server --version");
            System.exit(CommandLine.ExitCode.USAGE);
        }
        serve();
    }

    /** Through the running server when there is one; else on the database directly. */
    private static int admin(String[] args, Map<String, String> environment) {
        GatehouseConfig config;
        try {
            config = new ConfigLoader(environment).load();
        } catch (InvalidConfigException e) {
            return AdminCommand.run(args, environment);   // which reports the configuration's problems
        }
        OptionalInt viaServer = AdminClient.tryRun(AdminSocket.path(config.dataDir()),
                PathArguments.absolute(List.of(args)), System.out, System.err);
        return viaServer.isPresent() ? viaServer.getAsInt() : AdminCommand.run(args, environment);
    }

    private static void serve() {
        OrderlyStop orderlyStop = OrderlyStop.onSignals();
        Services services;
        try {
            GatehouseConfig config = new ConfigLoader(System.getenv()).load();
            LogSetup.apply(config.operations().logFormat(), config.operations().logLevel());
            // A missing or wrong master key is a configuration error too, found when the database opens.
            services = Services.open(config, Clock.systemUTC());
        } catch (InvalidConfigException e) {
            System.err.println("gatehouse-server: " + e.getMessage());
            System.exit(CONFIG_ERROR);
            return;
        }
        AdminSocket adminSocket = adminSocket(services);   // before "listening", so admin commands find it then
        GatehouseServer server = GatehouseServer.start(services);
        try {
            orderlyStop.awaitThenStop(adminSocket, server, services);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    /** Without it the server still serves; only admin commands must then wait until it stops. */
    private static AdminSocket adminSocket(Services services) {
        try {
            return AdminSocket.listen(services);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(Main.class).error("No admin socket in {} ({}): `gatehouse-server admin` cannot"
                    + " reach this server while it runs", services.config().dataDir().toAbsolutePath(), e.toString());
            return null;
        }
    }
}
