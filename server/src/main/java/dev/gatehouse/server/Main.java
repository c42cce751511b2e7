package dev.gatehouse.server;

import dev.gatehouse.server.admin.AdminCommand;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.server.config.InvalidConfigException;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/**
 * {@code gatehouse-server} starts the server; {@code gatehouse-server admin …} administers the configured
 * database, also while a server runs on it.
 */
public final class Main {

    static final int CONFIG_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "admin".equals(args[0])) {
            // A command line prints its result, not the connection pool's and migrator's progress.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.exit(AdminCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        }
        if (args.length > 0 && !"serve".equals(args[0])) {
            System.err.println("usage: gatehouse-server [serve] | gatehouse-server admin <command>  (try: admin --help)");
            System.exit(CommandLine.ExitCode.USAGE);
        }
        serve();
    }

    private static void serve() {
        Services services;
        try {
            // A missing or wrong master key is a configuration error too, found when the database opens.
            services = Services.open(new ConfigLoader(System.getenv()).load(), Clock.systemUTC());
        } catch (InvalidConfigException e) {
            System.err.println("gatehouse-server: " + e.getMessage());
            System.exit(CONFIG_ERROR);
            return;
        }
        GatehouseServer server = GatehouseServer.start(services);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            services.close();
            stopped.countDown();
        }, "gatehouse-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
