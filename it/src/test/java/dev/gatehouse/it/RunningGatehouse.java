package dev.gatehouse.it;

import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.it.tls.TestCertificateAuthority;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.DatabaseConfig;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.HttpConfig;
import dev.gatehouse.server.config.MasterKeySource;
import dev.gatehouse.server.config.TlsConfig;
import dev.gatehouse.store.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** A Gatehouse server started in-process on a free loopback port, on a clock the test steps. */
public final class RunningGatehouse implements AutoCloseable {

    private final Services services;
    private final GatehouseServer server;
    private final MutableClock clock;
    private final TestCertificateAuthority ca;

    private RunningGatehouse(Services services, GatehouseServer server, MutableClock clock,
                             TestCertificateAuthority ca) {
        this.services = services;
        this.server = server;
        this.clock = clock;
        this.ca = ca;
    }

    /** On the embedded default: an H2 file in {@code dataDir}. */
    public static RunningGatehouse onH2(Path dataDir, MutableClock clock) {
        return start(config(dataDir), clock);
    }

    /**
     * On H2, also accepting each of {@code startUrlAliases} as its start URL, as current AWS CLIs need (they take
     * only {@code https://<name>.awsapps.com/start}).
     */
    public static RunningGatehouse onH2(Path dataDir, MutableClock clock, List<String> startUrlAliases) {
        GatehouseConfig config = config(dataDir);
        return start(config.toBuilder().instance(config.instance().withStartUrlAliases(startUrlAliases)).build(),
                clock);
    }

    /** On H2, with the master key from {@code masterKey} instead of the data directory's {@code master.key}. */
    public static RunningGatehouse onH2(Path dataDir, MutableClock clock, MasterKeySource masterKey) {
        return start(config(dataDir).toBuilder().masterKey(masterKey).build(), clock);
    }

    /** On H2, with sign-ins that last {@code portalSession} instead of the default 8 hours. */
    public static RunningGatehouse onH2(Path dataDir, MutableClock clock, Duration portalSession) {
        GatehouseConfig config = config(dataDir);
        return start(config.toBuilder().lifetimes(config.lifetimes().withPortalSession(portalSession)).build(), clock);
    }

    public static RunningGatehouse on(TestDatabase database, Path dataDir, MutableClock clock) {
        return start(config(dataDir).toBuilder().database(databaseConfig(database)).build(), clock);
    }

    /**
     * On {@code database} with the master key from {@code masterKey}: several of these on one database are the
     * nodes of one deployment, which must all hold the same key (docs/keys.md).
     */
    public static RunningGatehouse on(TestDatabase database, Path dataDir, MutableClock clock,
                                      MasterKeySource masterKey) {
        return start(config(dataDir).toBuilder().database(databaseConfig(database)).masterKey(masterKey).build(),
                clock);
    }

    /** On H2 with the real default MFA policy (always, and enrolment at sign-in for users without a device). */
    public static RunningGatehouse onH2WithDefaultMfa(Path dataDir, MutableClock clock) {
        return start(config(dataDir).toBuilder().mfa(MfaPolicy.DEFAULT).build(), clock);
    }

    /** On H2, serving /metrics to scrapers that send {@code metricsToken}. */
    public static RunningGatehouse onH2WithMetricsToken(Path dataDir, MutableClock clock, String metricsToken) {
        GatehouseConfig config = config(dataDir);
        return start(config.toBuilder().operations(config.operations().withMetricsToken(metricsToken)).build(), clock);
    }

    /**
     * On H2, serving HTTPS from the files {@code tls} names (issued by {@code ca}); its public URL is then
     * {@code https://localhost:<port>} and clients made through this class trust {@code ca}.
     */
    public static RunningGatehouse onH2WithTls(Path dataDir, MutableClock clock, TlsConfig tls,
                                               TestCertificateAuthority ca) {
        GatehouseConfig config = config(dataDir);
        return start(config.toBuilder().http(config.http().withTls(tls)).build(), clock, ca);
    }

    private static GatehouseConfig config(Path dataDir) {
        // Users without an MFA device sign in with their password alone, so the flows under test need no app;
        // MfaEnrolmentInChromiumTest runs the real default (onH2WithDefaultMfa).
        return GatehouseConfig.defaults(dataDir).toBuilder().http(HttpConfig.LOOPBACK_ON_FREE_PORT)
                .mfa(MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.ALLOW)).build();
    }

    private static DatabaseConfig databaseConfig(TestDatabase database) {
        return new DatabaseConfig(database.jdbcUrl(), database.user(), database.password());
    }

    private static RunningGatehouse start(GatehouseConfig config, MutableClock clock) {
        return start(config, clock, null);
    }

    private static RunningGatehouse start(GatehouseConfig config, MutableClock clock, TestCertificateAuthority ca) {
        Services services = Services.open(config, clock);
        try {
            return new RunningGatehouse(services, GatehouseServer.start(services), clock, ca);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public Services services() {
        return services;
    }

    public MutableClock clock() {
        return clock;
    }

    /** What clients must trust to reach it over https; null when it serves plain HTTP. */
    public TrustManager[] clientTrust() {
        return ca == null ? null : ca.trustManagers();
    }

    /** The same as a TLS context for the JDK's HTTP client; null when it serves plain HTTP. */
    public SSLContext clientTls() {
        return ca == null ? null : ca.clientContext();
    }

    /** Where clients reach it, e.g. {@code http://localhost:41234}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The access portal URL: what {@code configure sso} calls the start URL. */
    public String startUrl() {
        return services.instance().portalUrl();
    }

    @Override
    public void close() {
        server.close();
        services.close();
    }
}
