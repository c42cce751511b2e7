package dev.gatehouse.server.admin;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.InvalidConfigException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gatehouse-server admin}: administration on the configured database. While a server runs, the command
 * line hands its arguments to the server through the admin socket ({@link AdminSocket}) and the server runs them
 * here on its own services; otherwise the command opens the database itself. Errors are one line and exit 1; bad
 * usage exits 2.
 */
@Command(name = "gatehouse-server admin", mixinStandardHelpOptions = true,
        description = "Administer users, groups, accounts, permission sets, assignments, sessions, keys, MFA "
                + "devices and the audit trail.",
        subcommands = {UserCommands.class, GroupCommands.class, AccountCommands.class,
                PermissionSetCommands.class, AssignmentCommands.class, EventsCommand.class, SessionCommands.class,
                KeyCommands.class, MfaCommands.class, ServiceCredentialCommands.class, AbacCommands.class,
                SimulateCommand.class, ScimCommands.class, IdentitySourceCommands.class, BackupCommand.class,
                RestoreCommand.class, SeedCommand.class})
public final class AdminCommand {

    static final int DOMAIN_ERROR = 1;

    private final Map<String, String> environment;
    private final boolean ownsServices;
    private Services services;

    AdminCommand(Map<String, String> environment) {
        this.environment = environment;
        this.ownsServices = true;
    }

    private AdminCommand(Services running) {
        this.environment = Map.of();
        this.ownsServices = false;
        this.services = running;
    }

    public static int run(String[] args, Map<String, String> environment) {
        return run(args, environment, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        return run(new AdminCommand(environment), args, out, err);
    }

    /** Runs a command on a running server's services (for the admin socket); they stay open afterwards. */
    public static int runOn(Services running, String[] args, PrintWriter out, PrintWriter err) {
        return run(new AdminCommand(running), args, out, err);
    }

    private static int run(AdminCommand admin, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(admin).setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof DomainException domain) {
                        err.println("error: " + domain.getMessage());
                        return DOMAIN_ERROR;
                    }
                    if (e instanceof InvalidConfigException config) {
                        err.println("gatehouse-server: " + config.getMessage());
                        return CommandLine.ExitCode.USAGE;
                    }
                    throw e;
                });
        try {
            return commandLine.execute(args);
        } finally {
            admin.close();
        }
    }

    /** Opened on first use, so `--help` needs no database. */
    Services services() {
        if (services == null) {
            services = Services.open(new ConfigLoader(environment).load(), Clock.systemUTC());
        }
        return services;
    }

    /** The configuration, without opening the database (restore must not create one). */
    GatehouseConfig config() {
        return services != null ? services.config() : new ConfigLoader(environment).load().resolved();
    }

    /** Whether this command came through a running server's admin socket. */
    boolean onRunningServer() {
        return !ownsServices;
    }

    static Actor actor() {
        return Actor.administratorCli();
    }

    static RequestContext context() {
        return RequestContext.commandLine(UUID.randomUUID().toString());
    }

    /** Closes the services this command opened, before it ends (seed's compaction needs the database alone). */
    void closeOwnServices() {
        close();
        services = null;
    }

    private void close() {
        if (ownsServices && services != null) {
            services.close();
        }
    }
}
