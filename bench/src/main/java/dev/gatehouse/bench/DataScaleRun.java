package dev.gatehouse.bench;

import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.GrantTypes;
import dev.gatehouse.core.oidc.TokenRequest;
import dev.gatehouse.core.portal.PortalService;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.admin.DirectorySeeder;
import dev.gatehouse.server.config.DatabaseConfig;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.store.BulkSeed;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Issue 16's data-scale run: seeds a directory at a given size ({@code admin seed}'s bulk path), then times, in
 * process and through the core services (no HTTP: what the size changes is the database work), the portal calls of
 * the probe user who is in many groups and the administrator's lists, page by page. Prints a Markdown table.
 *
 * <p>Arguments: {@code h2|postgres users groups accounts assignments}, e.g. {@code h2 1000000 100000 30000 1000000};
 * or {@code h2 DATA_DIR} to time again an H2 data directory an earlier run seeded (seeding a million users takes
 * a quarter of an hour).
 */
public final class DataScaleRun {

    private static final int CALLS = 200;
    private static final RequestContext CONTEXT = RequestContext.commandLine("data-scale-run");

    private DataScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        String database = args[0];
        if (args.length == 2) {
            GatehouseConfig seeded = GatehouseConfig.defaults(Path.of(args[1])).toBuilder()
                    .mfa(MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.ALLOW)).build();
            try (Services services = Services.open(seeded, Clock.systemUTC())) {
                report(services);
            }
            return;
        }
        DirectorySeeder.Sizes sizes = new DirectorySeeder.Sizes(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), 50, 10);
        Path dataDir = Files.createTempDirectory("gatehouse-data-scale");
        EmbeddedPostgres postgres = database.equals("postgres")
                ? EmbeddedPostgres.builder().setServerConfig("fsync", "off").start() : null;
        GatehouseConfig.Builder config = GatehouseConfig.defaults(dataDir).toBuilder()
                .mfa(MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.ALLOW));
        if (postgres != null) {
            config.database(new DatabaseConfig("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                    "postgres", "postgres"));
        }
        try (Services services = Services.open(config.build(), Clock.systemUTC())) {
            long started = System.nanoTime();
            BulkSeed.Written written = DirectorySeeder.seed(services, sizes, Actor.administratorCli(), CONTEXT);
            double seedSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%s: seeded %s in %.1f s; database %s; data directory %s%n", database,
                    written, seedSeconds, size(services, dataDir, postgres != null), dataDir);
            report(services);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static void report(Services services) throws Exception {
        String token = probeAccessToken(services);
        PortalService portal = services.core().portal();
        List<Account> accounts = portal.listAccounts(token, 100, null).items();
        Account first = accounts.getFirst();
        String role = portal.listAccountRoles(token, first.accountId(), 100, null).items().getFirst().roleName();
        Random random = new Random(7);
        int users = (int) services.core().identityStore().countUsers();

        System.out.println("| call | p50 ms | p99 ms |");
        System.out.println("|---|---:|---:|");
        row("ListAccounts (probe user in 50 groups, 100 a page)", () -> portal.listAccounts(token, 100, null));
        row("ListAccountRoles", () -> portal.listAccountRoles(token, first.accountId(), 100, null));
        row("GetRoleCredentials", () -> portal.getRoleCredentials(token, role, first.accountId(), CONTEXT));
        row("admin: users page (100, from a random name)", () -> services.core().identityStore()
                .listUsers(String.format("seed.user.%07d", random.nextInt(users)), 100));
        row("admin: groups page (100)", () -> services.core().identityStore().listGroups(
                String.format("seed-group-%06d", random.nextInt(1000)), 100));
        row("admin: accounts page (100)", () -> services.core().accessModel().listAccounts(
                BulkSeed.accountId(random.nextInt(1000)), 100));
        row("admin: a user's groups (probe)", () -> services.core().identityStore().groupsOf(BulkSeed.PROBE_USER));
    }

    private static String probeAccessToken(Services services) {
        User probe = services.core().identityStore().user(BulkSeed.PROBE_USER);
        ClientRegistrations.Registered client = services.core().clients().register(new ClientRegistrations.Request(
                "data-scale-run", "public", List.of("sso:account:access"), null, null, null), CONTEXT);
        String clientId = client.client().clientId();
        DeviceAuthorizations.Started started = services.core().devices().start(clientId, client.clientSecret(),
                services.instance().portalUrl(), CONTEXT);
        services.core().devices().approve(started.userCode(), probe, CONTEXT);
        return services.core().tokens().createToken(new TokenRequest(clientId, client.clientSecret(),
                GrantTypes.DEVICE_CODE, started.deviceCode(), null, null, null, null, null), CONTEXT).accessToken();
    }

    private static void row(String name, Callable<?> call) throws Exception {
        for (int i = 0; i < CALLS / 4; i++) {
            call.call();
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            call.call();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", name, nanos[CALLS / 2] / 1e6,
                nanos[CALLS * 99 / 100] / 1e6);
    }

    private static String size(Services services, Path dataDir, boolean postgres) throws Exception {
        if (!postgres) {
            return String.format(Locale.ROOT, "%.0f MB on disk", Files.size(dataDir.resolve("gatehouse.mv.db")) / 1e6);
        }
        try (Connection connection = services.database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return String.format(Locale.ROOT, "%.0f MB", rs.getLong(1) / 1e6);
        }
    }
}
