package dev.gatehouse.server;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.CoreSettings;
import dev.gatehouse.core.Store;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.authz.AdminApiCallers;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.AuditRepository;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.instance.FirstAdministratorSetup;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.instance.InstanceService;
import dev.gatehouse.core.keys.MasterKey;
import dev.gatehouse.core.keys.WrongMasterKeyException;
import dev.gatehouse.core.password.PasswordHasher;
import dev.gatehouse.core.retention.Purge;
import dev.gatehouse.server.config.DataDirectory;
import dev.gatehouse.server.config.DatabaseConfig;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.InvalidConfigException;
import dev.gatehouse.server.config.MasterKeys;
import dev.gatehouse.server.mail.ActivationMail;
import dev.gatehouse.server.mail.MailQueue;
import dev.gatehouse.server.mail.SmtpMailer;
import dev.gatehouse.server.metrics.ActiveSessionsGauge;
import dev.gatehouse.server.metrics.AuditMetrics;
import dev.gatehouse.server.metrics.Metrics;
import dev.gatehouse.server.metrics.ThrottleMetrics;
import dev.gatehouse.server.password.Argon2idPasswordHasher;
import dev.gatehouse.store.Database;
import dev.gatehouse.server.idp.ldap.LdapConnector;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of everything but HTTP: the database, the master key, the instance and core's services,
 * built with plain constructors. The server and the admin commands both start from here, so they behave alike;
 * each HTTP module and admin command is handed the services it uses, never this whole.
 */
public final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final GatehouseConfig config;
    private final Clock clock;
    private final Database database;
    private final InstanceService instances;
    private final MasterKey masterKey;
    private final Instance instance;
    private final PasswordHasher passwordHasher;
    private final SmtpMailer mailer;
    private final MailQueue mailQueue;
    private final ActivationMail activationMail;
    private final CoreServices core;
    private final Purge purge;
    private final FirstAdministratorSetup firstAdministratorSetup;
    private final Metrics metrics;
    private final AdminApiCallers adminApiCallers;

    private Services(GatehouseConfig config, Clock clock, Database database) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.metrics = new Metrics();
        database.bindMetrics(metrics.registry());
        Store store = countingAuditEvents(database.store(), new AuditMetrics(metrics.registry()));
        this.instances = new InstanceService(store.instance(), store.users(), store.passwordHistory(), store, clock,
                new AuditLog(store.audit(), clock));
        this.masterKey = MasterKeys.open(config.masterKey(), instances.holdsWrappedKeys());
        LOG.info("Master key from {}", config.masterKey().description());
        this.instance = instances.initialize(masterKey, config.instance().region(), config.http().portalUrl(),
                config.instance().startUrlAliases());
        this.passwordHasher = new Argon2idPasswordHasher();
        this.mailer = config.smtp() == null ? null : new SmtpMailer(config.smtp(), clock);
        this.mailQueue = mailer == null ? new MailQueue(clock) : mailer.queue();
        mailQueue.bindTo(metrics.registry());
        this.core = CoreServices.assemble(store, clock, coreSettings(config), () -> instance,
                () -> instances.sealingKeys(masterKey), passwordHasher, mailer, new LdapConnector(),
                new ThrottleMetrics(metrics.registry()));
        ActiveSessionsGauge.register(metrics.registry(), core.sessions()::activeCount, clock);
        this.purge = new Purge(store.expiredRows(), clock, config.auditRetention());
        this.activationMail = new ActivationMail(core.identityStore()::user, core.activations(),
                config.lifetimes().activationLink(), clock, mailer, config.http().publicUrl(), instance.portalUrl(),
                () -> core.identitySources().current().kind() == IdentitySource.Kind.BUILT_IN);
        this.firstAdministratorSetup = new FirstAdministratorSetup(store.users(), core.identityStore(),
                core.activations(), store, clock, new AuditLog(store.audit(), clock),
                config.operations().setupFromAnyAddress(), core.administrators(), core.identitySources()::current);
        this.adminApiCallers = new AdminApiCallers(core.authorization(), core.callerIdentity(),
                store.permissionSets(), core.managementAccount(), clock, new AuditLog(store.audit(), clock));
    }

    /**
     * The store with every audit event also handed to {@code observer} as it is written. A proxy rather than a
     * delegating class, so that a repository added to {@link Store} needs no change here.
     */
    private static Store countingAuditEvents(Store store, Consumer<AuditEvent> observer) {
        AuditRepository audit = store.audit();
        AuditRepository counting = new AuditRepository() {
            @Override
            public void insert(AuditEvent event) {
                audit.insert(event);
                observer.accept(event);
            }

            @Override
            public List<AuditEvent> find(AuditQuery query) {
                return audit.find(query);
            }
        };
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("audit") && method.getParameterCount() == 0) {
                        return counting;
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();   // as the store threw it: callers catch DomainException and the like
                    }
                });
    }

    private static CoreSettings coreSettings(GatehouseConfig config) {
        return new CoreSettings(config.lifetimes(), config.mfa(), config.http().publicUrl(),
                config.relyingPartyName(), config.sigV4ClockSkew(), config.adminGroup());
    }

    /**
     * Makes or checks the data directory, opens the configured database (migrating it), builds the services on it,
     * and takes the start-up steps: today, creating the bootstrap administrator when one is configured.
     */
    public static Services open(GatehouseConfig unresolved, Clock clock) {
        GatehouseConfig config = unresolved.resolved();
        DataDirectory dataDirectory = DataDirectory.prepare(config.dataDir());
        DatabaseConfig db = config.database();
        Database database = Database.open(db.url(), db.user(), db.password(), Database.DEFAULT_MAX_POOL_SIZE,
                db.caching());
        try {
            Services services = new Services(config, clock, database);
            services.createBootstrapAdministrator();
            dataDirectory.tightenNewFiles();
            return services;
        } catch (WrongMasterKeyException e) {
            database.close();
            throw new InvalidConfigException(List.of(e.getMessage()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The first administrator of a fresh installation; nothing happens once the user exists. */
    private void createBootstrapAdministrator() {
        if (config.bootstrapAdmin() != null) {
            instances.bootstrapAdministrator(config.bootstrapAdmin().userName(), config.bootstrapAdmin().password(),
                    passwordHasher);
        }
    }

    public GatehouseConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Instance instance() {
        return instance;
    }

    public Store store() {
        return database.store();
    }

    public InstanceService instances() {
        return instances;
    }

    /** Mails activation links when a mail server is configured. */
    public ActivationMail activationMail() {
        return activationMail;
    }

    /** For the backup command only. */
    public Database database() {
        return database;
    }

    /** For the key commands only: what seals the sealing keys. */
    public MasterKey masterKey() {
        return masterKey;
    }

    public PasswordHasher passwordHasher() {
        return passwordHasher;
    }

    /** Every core service, for the composition of the HTTP modules and admin commands (and for tests). */
    public CoreServices core() {
        return core;
    }

    /** What the server's purge schedule runs: removes what has ended, and audit events past their retention. */
    public Purge purge() {
        return purge;
    }

    /**
     * What {@code /readyz} asks, in order: the database answers, holds this build's schema, and the sealing keys open
     * under the master key.
     */
    public Map<String, BooleanSupplier> readinessChecks() {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("database", instances::storageAnswers);
        checks.put("schema", database::schemaCurrent);
        checks.put("keys", this::keysOpen);
        return checks;
    }

    private boolean keysOpen() {
        try {
            return !instances.sealingKeys(masterKey).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What {@code /metrics} shows. */
    public Metrics metrics() {
        return metrics;
    }

    /** The link a fresh installation without an administrator offers to create one (docs/operations.md). */
    /** Who may call the administration APIs (identitystore), decided by their policies. */
    public AdminApiCallers adminApiCallers() {
        return adminApiCallers;
    }

    /** Mail not delivered yet (always empty without a mail server). */
    public MailQueue mailQueue() {
        return mailQueue;
    }

    public FirstAdministratorSetup firstAdministratorSetup() {
        return firstAdministratorSetup;
    }

    @Override
    public void close() {
        if (mailer != null) {
            mailer.close();
        }
        database.close();
        metrics.close();
    }
}
