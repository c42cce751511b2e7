package dev.gatehouse.server.web;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.DeviceStatus;
import dev.gatehouse.core.oidc.UserCodes;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.HttpConfig;
import dev.gatehouse.server.config.SmtpConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A real Gatehouse on a free port with its own H2 database, plus shortcuts into core for test set-up. */
public final class WebTestServer implements AutoCloseable {

    public static final String PASSWORD = "Corr3ct-Horse!";
    private static final RequestContext SETUP = RequestContext.commandLine("web-test-setup");

    public final SteppedClock clock = new SteppedClock(Instant.parse("2025-06-02T09:00:00Z"));
    public final Services services;
    final GatehouseServer server;

    private WebTestServer(GatehouseConfig config) {
        this.services = Services.open(config, clock);
        try {
            this.server = GatehouseServer.start(services);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    /**
     * On a free loopback port; users without an MFA device sign in with their password alone, so page tests need
     * not enrol an app first (the real default, enrolment at sign-in, is tested in MfaSignInPagesTest with
     * {@link #withMfa}).
     */
    private static GatehouseConfig.Builder config(Path dataDir) {
        return GatehouseConfig.defaults(dataDir).toBuilder().http(HttpConfig.LOOPBACK_ON_FREE_PORT)
                .mfa(MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.ALLOW));
    }

    /** @param publicUrl null for the default http://localhost:port; an https one makes cookies Secure */
    static WebTestServer start(Path dataDir, String publicUrl) {
        return new WebTestServer(config(dataDir).http(HttpConfig.LOOPBACK_ON_FREE_PORT.withPublicUrl(publicUrl))
                .build());
    }

    /** @param adminGroup the group whose members may use the admin console besides administrators */
    public static WebTestServer withAdminGroup(Path dataDir, String adminGroup) {
        return new WebTestServer(config(dataDir).adminGroup(adminGroup).build());
    }

    /** With the given MFA policy, e.g. the real default. */
    static WebTestServer withMfa(Path dataDir, MfaPolicy mfa) {
        return new WebTestServer(config(dataDir).mfa(mfa).build());
    }

    /** Mailing password-reset links through {@code smtp}. */
    public static WebTestServer withSmtp(Path dataDir, SmtpConfig smtp) {
        return new WebTestServer(config(dataDir).smtp(smtp).build());
    }

    /** Mailing through {@code smtp} and serving /metrics to scrapers that send {@code token}. */
    public static WebTestServer withSmtpAndMetricsToken(Path dataDir, SmtpConfig smtp, String token) {
        GatehouseConfig.Builder config = config(dataDir).smtp(smtp);
        GatehouseConfig defaults = config.build();
        return new WebTestServer(config.operations(defaults.operations().withMetricsToken(token)).build());
    }

    /** Serving /metrics to scrapers that send {@code token}. */
    public static WebTestServer withMetricsToken(Path dataDir, String token) {
        GatehouseConfig.Builder config = config(dataDir);
        GatehouseConfig defaults = config.build();
        return new WebTestServer(config.operations(defaults.operations().withMetricsToken(token)).build());
    }

    /** Where the test connects, e.g. {@code http://127.0.0.1:41234/metrics}. */
    public String address(String pathAndQuery) {
        return url(pathAndQuery);
    }

    public static WebTestServer start(Path dataDir) {
        return start(dataDir, null);
    }

    /** The address the test connects to, whatever public URL the server believes it has. */
    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.port() + pathAndQuery;
    }

    public Browser newBrowser() {
        return new Browser(this);
    }

    public void createUser(String userName) {
        services.core().identityStore().createUser(new IdentityStoreService.NewUser(userName, null, "Ed", "Developer",
                userName + "@example.com", false), Actor.administratorCli(), SETUP);
    }

    String activationToken(String userName) {
        return services.core().activations().issue(userName, Actor.administratorCli(), SETUP);
    }

    /** A user who has already set {@link #PASSWORD}. */
    public void createActiveUser(String userName) {
        createUser(userName);
        services.core().activations().setPassword(activationToken(userName), PASSWORD.toCharArray(), SETUP);
    }

    DeviceAuthorizations.Started startDeviceAuthorization(String clientName) {
        ClientRegistrations.Registered registered = services.core().clients().register(new ClientRegistrations.Request(
                clientName, "public", List.of(), null, null, null), SETUP);
        return services.core().devices().start(registered.client().clientId(), registered.clientSecret(),
                services.instance().portalUrl(), SETUP);
    }

    DeviceStatus deviceStatus(String userCode) {
        return services.store().deviceAuthorizations().findByUserCode(UserCodes.normalize(userCode))
                .orElseThrow().status();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            services.close();
        }
    }
}
