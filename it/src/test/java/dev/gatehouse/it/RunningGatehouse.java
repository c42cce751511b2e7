package dev.gatehouse.it;

import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.GatehouseConfig.DatabaseConfig;
import dev.gatehouse.server.config.MasterKeySource;
import dev.gatehouse.store.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A Gatehouse server started in-process on a free loopback port, on a clock the test steps. */
public final class RunningGatehouse implements AutoCloseable {

    private final Services services;
    private final GatehouseServer server;
    private final MutableClock clock;

    private RunningGatehouse(Services services, GatehouseServer server, MutableClock clock) {
        this.services = services;
        this.server = server;
        this.clock = clock;
    }

    /** On the embedded default: an H2 file in {@code dataDir}. */
    public static RunningGatehouse onH2(Path dataDir, MutableClock clock) {
        return onH2(dataDir, clock, List.of());
    }

    /**
     * On H2, also accepting each of {@code startUrlAliases} as its start URL, as current AWS CLIs need (they take
     * only {@code https://<name>.awsapps.com/start}).
     */
    public static RunningGatehouse onH2(Path dataDir, MutableClock clock, List<String> startUrlAliases) {
        return start(dataDir, DatabaseConfig.embedded(dataDir), clock, startUrlAliases);
    }

    /** On H2, with the master key from {@code masterKey} instead of the data directory's {@code master.key}. */
    public static RunningGatehouse onH2(Path dataDir, MutableClock clock, MasterKeySource masterKey) {
        return start(config(dataDir, DatabaseConfig.embedded(dataDir), List.of()).withMasterKey(masterKey), clock);
    }

    /** On H2, with sign-ins that last {@code portalSession} instead of the default 8 hours. */
    public static RunningGatehouse onH2(Path dataDir, MutableClock clock, Duration portalSession) {
        return start(config(dataDir, DatabaseConfig.embedded(dataDir), List.of(), portalSession), clock);
    }

    public static RunningGatehouse on(TestDatabase database, Path dataDir, MutableClock clock) {
        return start(dataDir, new DatabaseConfig(database.jdbcUrl(), database.user(), database.password()), clock,
                List.of());
    }

    /**
     * On {@code database} with the master key from {@code masterKey}: several of these on one database are the
     * nodes of one deployment, which must all hold the same key (docs/keys.md).
     */
    public static RunningGatehouse on(TestDatabase database, Path dataDir, MutableClock clock,
                                      MasterKeySource masterKey) {
        DatabaseConfig config = new DatabaseConfig(database.jdbcUrl(), database.user(), database.password());
        return start(config(dataDir, config, List.of()).withMasterKey(masterKey), clock);
    }

    private static RunningGatehouse start(Path dataDir, DatabaseConfig database, MutableClock clock,
                                          List<String> startUrlAliases) {
        return start(config(dataDir, database, startUrlAliases), clock);
    }

    /** On H2 with the real default MFA policy (always, and enrolment at sign-in for users without a device). */
    public static RunningGatehouse onH2WithDefaultMfa(Path dataDir, MutableClock clock) {
        return start(config(dataDir, DatabaseConfig.embedded(dataDir), List.of()).withMfa(MfaPolicy.DEFAULT), clock);
    }

    private static GatehouseConfig config(Path dataDir, DatabaseConfig database, List<String> startUrlAliases) {
        return config(dataDir, database, startUrlAliases, Duration.ofHours(8));
    }

    private static GatehouseConfig config(Path dataDir, DatabaseConfig database, List<String> startUrlAliases,
                                          Duration portalSession) {
        // Users without an MFA device sign in with their password alone, so the flows under test need no app;
        // MfaEnrolmentInChromiumTest runs the real default (onH2WithDefaultMfa).
        return new GatehouseConfig(dataDir, "127.0.0.1", 0, null, "us-east-1", database, startUrlAliases,
                portalSession, null).withMfa(MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.ALLOW));
    }

    private static RunningGatehouse start(GatehouseConfig config, MutableClock clock) {
        Services services = Services.open(config, clock);
        try {
            return new RunningGatehouse(services, GatehouseServer.start(services), clock);
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
