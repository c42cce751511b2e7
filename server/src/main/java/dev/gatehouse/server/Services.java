package dev.gatehouse.server;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.abac.AccessControlAttributes;
import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.AuditQueries;
import dev.gatehouse.core.authz.AuthorizationService;
import dev.gatehouse.core.authz.ServiceCredentials;
import dev.gatehouse.core.credentials.CredentialMinter;
import dev.gatehouse.core.credentials.CredentialSealer;
import dev.gatehouse.core.directory.Administrators;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.instance.InstanceService;
import dev.gatehouse.core.keys.MasterKey;
import dev.gatehouse.core.keys.RefreshingSealer;
import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.core.keys.WrongMasterKeyException;
import dev.gatehouse.core.mfa.AuthenticatorApps;
import dev.gatehouse.core.mfa.MfaDevices;
import dev.gatehouse.core.mfa.RelyingParty;
import dev.gatehouse.core.mfa.SecurityKeys;
import dev.gatehouse.core.oidc.AuthorizationRequests;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.TokenEndpoint;
import dev.gatehouse.core.password.ActivationService;
import dev.gatehouse.core.password.PasswordHasher;
import dev.gatehouse.core.password.PasswordResets;
import dev.gatehouse.core.portal.BrowserPortal;
import dev.gatehouse.core.portal.PortalService;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.session.SessionService;
import dev.gatehouse.core.signin.SignInService;
import dev.gatehouse.core.simulation.AccessSimulator;
import dev.gatehouse.core.sts.CallerIdentityService;
import dev.gatehouse.server.config.DatabaseConfig;
import dev.gatehouse.server.config.GatehouseConfig;
import dev.gatehouse.server.config.InvalidConfigException;
import dev.gatehouse.server.config.MasterKeys;
import dev.gatehouse.server.mail.SmtpMailer;
import dev.gatehouse.server.password.Argon2idPasswordHasher;
import dev.gatehouse.sigv4.SigV4Verifier;
import dev.gatehouse.sigv4.SigningKeyCache;
import dev.gatehouse.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of everything but HTTP: the database and every core service, built with plain
 * constructors. The server and the admin commands both start from here, so they behave alike.
 */
public final class Services implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final GatehouseConfig config;
    private final Clock clock;
    private final Database database;
    private final Instance instance;
    private final InstanceService instances;
    private final MasterKey masterKey;
    private final PasswordHasher passwordHasher;
    private final IdentityStoreService identityStore;
    private final AccessModelService accessModel;
    private final ActivationService activations;
    private final SignInService signIn;
    private final SessionService sessions;
    private final ClientRegistrations clients;
    private final DeviceAuthorizations devices;
    private final AuthorizationRequests authorizations;
    private final TokenEndpoint tokens;
    private final PortalService portal;
    private final BrowserPortal browserPortal;
    private final CallerIdentityService callerIdentity;
    private final AuditQueries auditQueries;
    private final Administrators administrators;
    private final AuthenticatorApps authenticatorApps;
    private final SecurityKeys securityKeys;
    private final MfaDevices mfaDevices;
    private final SmtpMailer mailer;
    private final PasswordResets passwordResets;
    private final AccessControlAttributes accessControlAttributes;
    private final ServiceCredentials serviceCredentials;
    private final AuthorizationService authorization;
    private final AccessSimulator simulator;

    private Services(GatehouseConfig config, Clock clock, Database database) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        Store store = database.store();
        AuditLog audit = new AuditLog(clock);
        Lifetimes lifetimes = config.lifetimes();
        this.instances = new InstanceService(store, clock, audit);
        this.masterKey = MasterKeys.open(config.masterKey(), instances.holdsWrappedKeys());
        LOG.info("Master key from {}", config.masterKey().description());
        this.instance = instances.initialize(masterKey, config.instance().region(), config.http().portalUrl(),
                config.instance().startUrlAliases());
        Supplier<Instance> currentInstance = () -> instance;
        Supplier<CredentialSealer> sealers = new RefreshingSealer<>(() -> instances.sealingKeys(masterKey),
                CredentialSealer::new, clock);
        Supplier<SecretSealer> secretSealers = new RefreshingSealer<>(() -> instances.sealingKeys(masterKey),
                SecretSealer::new, clock);
        this.passwordHasher = new Argon2idPasswordHasher();
        this.identityStore = new IdentityStoreService(store, clock, audit);
        this.accessModel = new AccessModelService(store, clock, audit, currentInstance);
        this.activations = new ActivationService(store, clock, audit, passwordHasher, lifetimes);
        this.authenticatorApps = new AuthenticatorApps(store, clock, audit,
                secretSealers, "Gatehouse");
        this.sessions = new SessionService(store, clock, audit);
        this.clients = new ClientRegistrations(store, clock, audit, lifetimes, currentInstance);
        this.devices = new DeviceAuthorizations(store, clock, audit, lifetimes, clients, currentInstance,
                config.http().publicUrl() + "/device");
        this.authorizations = new AuthorizationRequests(store, clock, audit);
        this.tokens = new TokenEndpoint(store, clock, audit, lifetimes, clients);
        this.accessControlAttributes = new AccessControlAttributes(store, audit);
        this.portal = new PortalService(store, clock, audit, new CredentialMinter(sealers, accessControlAttributes));
        this.browserPortal = new BrowserPortal(store, clock, audit,
                new CredentialMinter(sealers, accessControlAttributes));
        this.callerIdentity = new CallerIdentityService(store, clock,
                new SigV4Verifier(new SigningKeyCache(10_000), config.sigV4ClockSkew()), sealers);
        this.auditQueries = new AuditQueries(store);
        this.administrators = new Administrators(store, config.adminGroup());
        this.securityKeys = new SecurityKeys(store, clock, audit, secretSealers,
                RelyingParty.of(config.http().publicUrl(), config.relyingPartyName()));
        this.mfaDevices = new MfaDevices(store, authenticatorApps, securityKeys);
        this.signIn = new SignInService(store, clock, audit, passwordHasher, lifetimes, config.mfa(),
                authenticatorApps, securityKeys);
        this.mailer = config.smtp() == null ? null : new SmtpMailer(config.smtp());
        this.passwordResets = new PasswordResets(store, clock, audit, activations, lifetimes, mailer,
                config.http().publicUrl() + "/activate", instance.portalUrl());
        this.serviceCredentials = new ServiceCredentials(store, clock, audit,
                secretSealers);
        this.authorization = new AuthorizationService(store, clock,
                new SigV4Verifier(new SigningKeyCache(10_000), config.sigV4ClockSkew()), serviceCredentials,
                callerIdentity);
        this.simulator = new AccessSimulator(store, clock, accessControlAttributes);
        if (config.bootstrapAdmin() != null) {
            instances.bootstrapAdministrator(config.bootstrapAdmin().userName(), config.bootstrapAdmin().password(),
                    passwordHasher);
        }
    }

    /** Opens the configured database (migrating it) and builds the services on it. */
    public static Services open(GatehouseConfig unresolved, Clock clock) {
        GatehouseConfig config = unresolved.resolved();
        DatabaseConfig db = config.database();
        Database database = Database.open(db.url(), db.user(), db.password());
        try {
            return new Services(config, clock, database);
        } catch (WrongMasterKeyException e) {
            database.close();
            throw new InvalidConfigException(List.of(e.getMessage()));
        } catch (RuntimeException e) {
            database.close();
            throw e;
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

    /** For the key commands only: what seals the sealing keys. */
    public MasterKey masterKey() {
        return masterKey;
    }

    public PasswordHasher passwordHasher() {
        return passwordHasher;
    }

    public IdentityStoreService identityStore() {
        return identityStore;
    }

    public AccessModelService accessModel() {
        return accessModel;
    }

    public ActivationService activations() {
        return activations;
    }

    public SignInService signIn() {
        return signIn;
    }

    public SessionService sessions() {
        return sessions;
    }

    public ClientRegistrations clients() {
        return clients;
    }

    public DeviceAuthorizations devices() {
        return devices;
    }

    public AuthorizationRequests authorizations() {
        return authorizations;
    }

    public TokenEndpoint tokens() {
        return tokens;
    }

    public PortalService portal() {
        return portal;
    }

    public BrowserPortal browserPortal() {
        return browserPortal;
    }

    public CallerIdentityService callerIdentity() {
        return callerIdentity;
    }

    public AuditQueries auditQueries() {
        return auditQueries;
    }

    public Administrators administrators() {
        return administrators;
    }

    public AuthenticatorApps authenticatorApps() {
        return authenticatorApps;
    }

    public SecurityKeys securityKeys() {
        return securityKeys;
    }

    /** A user's second factors of every kind, for the portal and the admin console. */
    public MfaDevices mfaDevices() {
        return mfaDevices;
    }

    public PasswordResets passwordResets() {
        return passwordResets;
    }

    public AccessControlAttributes accessControlAttributes() {
        return accessControlAttributes;
    }

    public ServiceCredentials serviceCredentials() {
        return serviceCredentials;
    }

    public AuthorizationService authorization() {
        return authorization;
    }

    public AccessSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        if (mailer != null) {
            mailer.close();
        }
        database.close();
    }
}
