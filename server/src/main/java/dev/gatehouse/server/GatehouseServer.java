package dev.gatehouse.server;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.instance.FirstAdministratorSetup;
import dev.gatehouse.server.authz.AuthorizationApi;
import dev.gatehouse.server.awsjson.TargetRouter;
import dev.gatehouse.server.http.BodyLimit;
import dev.gatehouse.server.http.HealthChecks;
import dev.gatehouse.server.http.HttpModule;
import dev.gatehouse.server.http.HttpsPolicy;
import dev.gatehouse.server.http.RequestContexts;
import dev.gatehouse.server.http.RequestLog;
import dev.gatehouse.server.identitystore.IdentityStoreApi;
import dev.gatehouse.server.idp.BackChannelLogoutApi;
import dev.gatehouse.server.idp.OidcRelyingParty;
import dev.gatehouse.server.idp.SamlLogoutApi;
import dev.gatehouse.server.metrics.MetricsEndpoint;
import dev.gatehouse.server.metrics.RequestMetrics;
import dev.gatehouse.server.oidc.OidcApi;
import dev.gatehouse.server.portal.PortalApi;
import dev.gatehouse.server.scim.ScimApi;
import dev.gatehouse.server.ssoadmin.SsoAdminApi;
import dev.gatehouse.server.sts.StsApi;
import dev.gatehouse.server.tls.ReloadingSslContextFactory;
import dev.gatehouse.server.tls.TlsListeners;
import dev.gatehouse.server.web.WebPages;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server: every protocol and page on one origin (their paths and dispatch keys do not
 * collide), on virtual threads.
 */
public final class GatehouseServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatehouseServer.class);
    /** How long a stop waits for requests already running; a deployment's stop grace period should exceed it. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Services services;
    private final Javalin app;
    private final PurgeSchedule purge;
    private final LdapSyncSchedule ldapSync;

    private GatehouseServer(Services services, Javalin app, PurgeSchedule purge) {
        this.services = services;
        this.app = app;
        this.purge = purge;
        this.ldapSync = LdapSyncSchedule.start(services.core());
    }

    public static GatehouseServer start(Services services) {
        List<HttpModule> modules = modules(services);
        ReloadingSslContextFactory[] tls = new ReloadingSslContextFactory[1];
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.jetty.host = services.config().http().bindAddress();
            config.jetty.port = services.config().http().port();
            if (services.config().http().tls() != null) {
                tls[0] = TlsListeners.add(config.jetty, services.config().http());
            }
            config.http.maxRequestSize = BodyLimit.BYTES;
            // Stopping closes the port at once, then lets requests already running finish (up to STOP_GRACE).
            config.jetty.modifyServer(server -> server.setStopTimeout(STOP_GRACE.toMillis()));
            config.jetty.modifyServletContextHandler(context -> context.insertHandler(new GracefulHandler()));
            config.routes.before(RequestContexts.assigning(services.config().http().trustedProxies()));
            config.routes.before(HttpsPolicy.before(services.config().http().publicUrl(),
                    services.config().http().tls() != null, services.config().http().trustedProxies()));
            config.requestLogger.http(new RequestLog(new RequestMetrics(services.metrics().registry()))::handle);
            modules.forEach(module -> module.mount(config.routes));
        });
        app.start();
        LOG.info("Gatehouse listening on {} (access portal URL {}, region {})", services.config().http().publicUrl(),
                services.instance().portalUrl(), services.instance().region());
        if (tls[0] != null) {
            LOG.info("Serving TLS on port {} with certificate {}; renewed files are picked up on the next connection",
                    services.config().http().port(), ReloadingSslContextFactory.describe(tls[0].servingCertificate()));
        }
        offerFirstAdministratorSetup(services);
        return new GatehouseServer(services, app, PurgeSchedule.start(services.purge()));
    }

    /**
     * One line, and only while nobody administers this installation: the link that creates the first administrator.
     * Its token is in the log on purpose (the operator is the one reading it); it works once, for an hour.
     */
    private static void offerFirstAdministratorSetup(Services services) {
        RequestContext start = new RequestContext(UUID.randomUUID().toString(), "127.0.0.1", "gatehouse-server");
        services.firstAdministratorSetup().offer(start).ifPresent(token -> LOG.warn(
                "No administrator yet: open {}/setup?token={} within {} minutes{} to create the first one",
                services.config().http().publicUrl(), token, FirstAdministratorSetup.LIFETIME.toMinutes(),
                services.config().operations().setupFromAnyAddress() ? "" : ", in a browser on this machine"));
        services.firstAdministratorSetup().awaitedAdminGroup().ifPresent(group -> LOG.info(
                "No administrator yet: the members of the group '{}' from the identity source will be, once they "
                + "sign in or are provisioned", group));
    }

    /** Every module the server mounts. */
    private static List<HttpModule> modules(Services services) {
        CoreServices core = services.core();
        StsApi sts = new StsApi(core.callerIdentity(), services.clock());
        return List.of(new HealthChecks(services.readinessChecks()),
                new WebPages(core, services.clock(), services.instance(), services.config().http().publicUrl(),
                        services.firstAdministratorSetup(), services.activationMail(), services.mailQueue()),
                new OidcApi(core.clients(), core.devices(), core.tokens()),
                new PortalApi(core.portal()),
                sts,
                new TargetRouter(sts.formPost(), List.of(identityStore(services), ssoAdmin(services))),
                new AuthorizationApi(core.authorization(), services.clock()),
                new ScimApi(core.scimTokens(), core.scimUsers(), core.scimGroups(),
                        services.config().http().publicUrl(), services.activationMail()),
                new BackChannelLogoutApi(core.identitySources(), new OidcRelyingParty()),
                new SamlLogoutApi(core.identitySources(), core.samlExchanges(), services.clock(),
                        services.config().http().publicUrl()),
                new MetricsEndpoint(services.metrics(), services.config().operations().metricsToken()));
    }

    /** Also built by the bench, to time the calls in process. */
    public static IdentityStoreApi identityStore(Services services) {
        return new IdentityStoreApi(services.core(), services.config().http().publicUrl() + ScimApi.PATH,
                services.adminApiCallers(), services.clock(), services.instance().identityStoreId(),
                services.activationMail());
    }

    public static SsoAdminApi ssoAdmin(Services services) {
        return new SsoAdminApi(services.core(), services.adminApiCallers(), services.clock(),
                services.instance());
    }

    public Services services() {
        return services;
    }

    public int port() {
        return app.port();
    }

    /** Requests being handled right now (Javalin counts them in Jetty's statistics handler). */
    int requestsInFlight() {
        return app.jettyServer().server().getDescendant(StatisticsHandler.class).getRequestsActive();
    }

    public String baseUrl() {
        return services.config().http().publicUrl();
    }

    @Override
    public void close() {
        purge.close();
        ldapSync.close();
        app.stop();
    }
}
