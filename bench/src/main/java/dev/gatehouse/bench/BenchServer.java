package dev.gatehouse.bench;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.authz.ServiceCredentials;
import dev.gatehouse.core.credentials.RoleCredentials;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.GrantTypes;
import dev.gatehouse.core.oidc.TokenEndpoint;
import dev.gatehouse.core.oidc.TokenRequest;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.HttpConfig;
import dev.gatehouse.store.Database;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server side of {@link HttpLoadRun}, in its own JVM so the load generator's CPU and garbage are not
 * billed to the server: starts Gatehouse on an embedded database, seeds it through the core services, writes
 * a {@link LoadFixture}, prints READY and serves until its standard input closes.
 *
 * <p>Arguments: data directory, fixture file, number of refresh chains, number of pending device codes.
 */
public final class BenchServer {

    static final String STARTED = "STARTED";
    static final String READY = "READY";
    private static final String ACCOUNT_ID = "111122223333";
    private static final String PERMISSION_SET = "ReadOnly";

    private BenchServer() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);

        // The load run signs in with passwords only: users without an MFA device are let in without one.
        GatehouseConfig config = GatehouseConfig.defaults(dataDir).toBuilder().http(HttpConfig.LOOPBACK_ON_FREE_PORT)
                .mfa(MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.ALLOW)).build();
        // -Dgatehouse.bench.serverJvmArgs=-Dgatehouse.bench.cache=off measures the server without its read caches.
        Database.Caching caching = "off".equalsIgnoreCase(System.getProperty("gatehouse.bench.cache", "on"))
                ? Database.Caching.OFF : Database.Caching.ON;
        config = config.toBuilder().database(config.database().withCaching(caching)).build();
        try (Services services = Services.open(config, Clock.systemUTC());
             GatehouseServer server = GatehouseServer.start(services)) {
            // JVM start to listening, with the database migrated; seeding is not included.
            System.out.println(STARTED + " " + ManagementFactory.getRuntimeMXBean().getUptime());
            seed(services, server.port(), Integer.parseInt(args[2]), Integer.parseInt(args[3])).write(Path.of(args[1]));
            System.out.println(READY);
            System.out.flush();
            // The parent closes our stdin when it is done (or dies): that is the stop signal.
            while (System.in.read() >= 0) {
                // ignore anything written to us
            }
        }
    }

    private static LoadFixture seed(Services services, int port, int chains, int pendingCodes) {
        Actor admin = Actor.administratorCli();
        RequestContext ctx = RequestContext.commandLine("bench-seed");
        User user = services.core().identityStore().createUser(new IdentityStoreService.NewUser("load.tester", null,
                "Load",
                "Tester", "load.tester@example.com", false), admin, ctx);
        services.core().accessModel().createAccount(ACCOUNT_ID, "bench", "bench@example.com", admin, ctx);
        PermissionSet set = services.core().accessModel().createPermissionSet(new AccessModelService.NewPermissionSet(
                PERMISSION_SET, "for the load run", "PT1H", List.of("ReadOnlyAccess"), null, null, null, Map.of()),
                admin, ctx);
        services.core().accessModel().assign(ACCOUNT_ID, PERMISSION_SET, PrincipalType.USER, user.userName(), admin,
                ctx);

        ClientRegistrations.Registered client = services.core().clients().register(new ClientRegistrations.Request(
                "gatehouse-bench", "public", List.of("sso:account:access"), null, null, null), ctx);
        String clientId = client.client().clientId();
        String portalUrl = services.instance().portalUrl();

        // Each chain needs its own session: approving through core skips the browser but not the grant.
        List<String> refreshTokens = new ArrayList<>();
        String accessToken = null;
        for (int i = 0; i < chains; i++) {
            DeviceAuthorizations.Started started = services.core().devices().start(clientId, client.clientSecret(),
                    portalUrl, seedingAddress(i));
            services.core().devices().approve(started.userCode(), user, ctx);
            TokenEndpoint.Tokens tokens = services.core().tokens().createToken(new TokenRequest(clientId,
                    client.clientSecret(),
                    GrantTypes.DEVICE_CODE, started.deviceCode(), null, null, null, null, null), ctx);
            refreshTokens.add(tokens.refreshToken());
            accessToken = tokens.accessToken();
        }
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < pendingCodes; i++) {
            pending.add(services.core().devices().start(clientId, client.clientSecret(), portalUrl,
                    seedingAddress(chains + i)).deviceCode());
        }
        RoleCredentials role = services.core().portal().getRoleCredentials(accessToken, PERMISSION_SET, ACCOUNT_ID,
                ctx);
        ServiceCredentials.Created service = services.core().serviceCredentials().create("bench-service", admin, ctx);
        return new LoadFixture(port, clientId, client.clientSecret(), accessToken, ACCOUNT_ID, PERMISSION_SET,
                refreshTokens, pending, List.of(role.accessKeyId(), role.secretAccessKey(), role.sessionToken()),
                List.of(service.credential().accessKeyId(), service.secretAccessKey()));
    }

    /**
     * Each seeded device authorization from its own address in 198.18.0.0/15 (RFC 2544's benchmarking range), so
     * the per-address rate limit on unauthenticated calls does not stop the seeding.
     */
    private static RequestContext seedingAddress(int n) {
        return new RequestContext("bench-seed", "198.18." + (n / 256) + "." + (n % 256), "bench-seed");
    }
}
