package dev.gatehouse.core;

import dev.gatehouse.core.abac.AccessControlAttributes;
import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.ProvisioningRequests;
import dev.gatehouse.core.access.ManagementAccount;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.AuditQueries;
import dev.gatehouse.core.authz.AuthorizationService;
import dev.gatehouse.core.authz.ServiceCredentials;
import dev.gatehouse.core.credentials.CredentialMinter;
import dev.gatehouse.core.credentials.CredentialSealer;
import dev.gatehouse.core.directory.Administrators;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.UserContacts;
import dev.gatehouse.core.identitysource.IdentitySources;
import dev.gatehouse.core.identitysource.SamlExchanges;
import dev.gatehouse.core.instance.Instance;
import dev.gatehouse.core.keys.RefreshingSealer;
import dev.gatehouse.core.keys.SealingKey;
import dev.gatehouse.core.keys.SecretSealer;
import dev.gatehouse.core.mfa.AuthenticatorApps;
import dev.gatehouse.core.mfa.MfaDevices;
import dev.gatehouse.core.mfa.RelyingParty;
import dev.gatehouse.core.mfa.SecurityKeys;
import dev.gatehouse.core.oidc.AuthorizationCodeGrant;
import dev.gatehouse.core.oidc.AuthorizationRequests;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.DeviceCodeGrant;
import dev.gatehouse.core.oidc.PollTracker;
import dev.gatehouse.core.oidc.RefreshTokenGrant;
import dev.gatehouse.core.oidc.TokenEndpoint;
import dev.gatehouse.core.password.ActivationService;
import dev.gatehouse.core.password.Mailer;
import dev.gatehouse.core.password.PasswordHasher;
import dev.gatehouse.core.password.PasswordResets;
import dev.gatehouse.core.portal.BrowserPortal;
import dev.gatehouse.core.portal.Entitlements;
import dev.gatehouse.core.portal.PortalService;
import dev.gatehouse.core.ratelimit.RateLimiter;
import dev.gatehouse.core.scim.ScimExternalIds;
import dev.gatehouse.core.scim.ScimGroups;
import dev.gatehouse.core.scim.ScimTokens;
import dev.gatehouse.core.scim.ScimUsers;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.session.SessionService;
import dev.gatehouse.core.signin.AuthenticatorAppStep;
import dev.gatehouse.core.signin.BrowserSessions;
import dev.gatehouse.core.signin.EnrolmentStep;
import dev.gatehouse.core.signin.ExternalSignInStep;
import dev.gatehouse.core.signin.MfaGate;
import dev.gatehouse.core.signin.PasswordStep;
import dev.gatehouse.core.signin.PendingSignIns;
import dev.gatehouse.core.signin.RememberedBrowsers;
import dev.gatehouse.core.signin.SecondFactors;
import dev.gatehouse.core.signin.SecurityKeyStep;
import dev.gatehouse.core.simulation.AccessSimulator;
import dev.gatehouse.core.sts.CallerIdentityService;
import dev.gatehouse.core.throttle.Throttle;
import dev.gatehouse.core.throttle.ThrottleObserver;
import dev.gatehouse.sigv4.SigV4Verifier;
import dev.gatehouse.sigv4.SigningKeyCache;
import dev.gatehouse.core.identitysource.LdapDirectory;
import dev.gatehouse.core.ldap.LdapDirectories;
import dev.gatehouse.core.ldap.LdapOwnedEntries;
import dev.gatehouse.core.ldap.LdapSync;
import dev.gatehouse.core.ldap.LdapUserCheck;
import dev.gatehouse.core.ldap.LdapUsers;
import dev.gatehouse.core.signin.DirectoryPasswords;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every core service, built once over one store with plain constructors: what the server's composition root hands
 * out piece by piece (each HTTP module and admin command receives the services it uses), and what tests build on.
 */
public record CoreServices(IdentityStoreService identityStore, Administrators administrators,
                           AccessModelService accessModel, ProvisioningRequests provisioningRequests,
                           AccessControlAttributes accessControlAttributes,
                           AccessSimulator simulator, ActivationService activations, PasswordResets passwordResets,
                           SessionService sessions, BrowserSessions browserSessions, PendingSignIns pendingSignIns,
                           PasswordStep passwordStep, AuthenticatorAppStep authenticatorAppStep,
                           SecurityKeyStep securityKeyStep, EnrolmentStep enrolmentStep,
                           AuthenticatorApps authenticatorApps, SecurityKeys securityKeys, MfaDevices mfaDevices,
                           ClientRegistrations clients, DeviceAuthorizations devices,
                           AuthorizationRequests authorizations, TokenEndpoint tokens, PortalService portal,
                           BrowserPortal browserPortal, CallerIdentityService callerIdentity,
                           ServiceCredentials serviceCredentials, AuthorizationService authorization,
                           AuditQueries auditQueries, ScimTokens scimTokens, ScimUsers scimUsers,
                           ScimGroups scimGroups, IdentitySources identitySources,
                           ExternalSignInStep externalSignInStep, SamlExchanges samlExchanges,
                           LdapSync ldapSync, ManagementAccount managementAccount, ScimExternalIds externalIds,
                           UserContacts userContacts) {

    /** How many signing keys the SigV4 verifier keeps derived: one per access key and day in use. */
    private static final int SIGNING_KEYS_CACHED = 10_000;

    /**
     * @param instance    the initialized instance (region, portal URL, start URLs)
     * @param sealingKeys the sealing keys, opened with the master key; read again as they rotate
     * @param mailer      the mail server for password-reset links, or null
     */
    public static CoreServices assemble(Store store, Clock clock, CoreSettings settings, Supplier<Instance> instance,
                                        Supplier<List<SealingKey>> sealingKeys, PasswordHasher hasher,
                                        Mailer mailer) {
        return assemble(store, clock, settings, instance, sealingKeys, hasher, mailer, (ldap, password) -> {
            throw new LdapDirectory.DirectoryUnavailable("No LDAP connector is wired in", null);
        });
    }

    /** @param ldapConnector opens the directory of an LDAP identity source (server/idp/ldap) */
    public static CoreServices assemble(Store store, Clock clock, CoreSettings settings, Supplier<Instance> instance,
                                        Supplier<List<SealingKey>> sealingKeys, PasswordHasher hasher,
                                        Mailer mailer, LdapDirectory.Connector ldapConnector) {
        return assemble(store, clock, settings, instance, sealingKeys, hasher, mailer, ldapConnector,
                ThrottleObserver.NONE);
    }

    /** @param throttled told of every attempt a throttle or rate limit refuses (for metrics) */
    public static CoreServices assemble(Store store, Clock clock, CoreSettings settings, Supplier<Instance> instance,
                                        Supplier<List<SealingKey>> sealingKeys, PasswordHasher hasher,
                                        Mailer mailer, LdapDirectory.Connector ldapConnector,
                                        ThrottleObserver throttled) {
        AuditLog audit = new AuditLog(store.audit(), clock);
        Lifetimes lifetimes = settings.lifetimes();
        Throttle throttle = new Throttle(store.failedAttempts(), clock, throttled);
        Supplier<CredentialSealer> credentialSealers = new RefreshingSealer<>(sealingKeys, CredentialSealer::new,
                clock);
        Supplier<SecretSealer> secretSealers = new RefreshingSealer<>(sealingKeys, SecretSealer::new, clock);
        SigV4Verifier verifier = new SigV4Verifier(new SigningKeyCache(SIGNING_KEYS_CACHED), settings.requestSkew());

        AccessControlAttributes attributes = new AccessControlAttributes(store.accessControlAttributes(),
                store.users(), store.userAttributes(), store, audit);
        CredentialMinter minter = new CredentialMinter(credentialSealers, attributes);
        Entitlements entitlements = new Entitlements(store.assignments(), store.accounts(), store.permissionSets(),
                clock, audit, minter);
        ActivationService activations = new ActivationService(store.users(), store.activations(),
                store.passwordHistory(), store.sessions(), store, clock, audit, hasher, lifetimes);
        AuthenticatorApps apps = new AuthenticatorApps(store.users(), store.mfaDevices(), store, clock, audit,
                secretSealers, settings.serviceName());
        SecurityKeys keys = new SecurityKeys(store.users(), store.mfaDevices(), store, clock, audit, secretSealers,
                RelyingParty.of(settings.publicUrl(), settings.serviceName()));
        ClientRegistrations clients = new ClientRegistrations(store.clients(), store, clock, audit, lifetimes,
                instance, new RateLimiter("client registrations", "from this address",
                settings.rateLimits().clientRegistration(), clock, throttled));
        CallerIdentityService callers = new CallerIdentityService(store.sessions(), store.users(),
                store.assignments(), clock, verifier, credentialSealers);
        ServiceCredentials serviceCredentials = new ServiceCredentials(store.serviceCredentials(), store, clock,
                audit, secretSealers);

        BrowserSessions browserSessions = new BrowserSessions(store.sessions(), store.users(), store, clock, audit,
                lifetimes);
        PendingSignIns pendingSignIns = new PendingSignIns(store.pendingSignIns(), store.users(), store.mfaDevices(),
                clock);
        RememberedBrowsers remembered = new RememberedBrowsers(store.rememberedBrowsers(), clock,
                settings.mfa().rememberBrowser());
        MfaGate mfaGate = new MfaGate(settings.mfa(), pendingSignIns, remembered, browserSessions, audit);
        SecondFactors secondFactors = new SecondFactors(pendingSignIns, throttle, store, audit, settings.mfa(),
                remembered, browserSessions, store.identitySource());

        IdentityStoreService identityStore = new IdentityStoreService(store.users(), store.groups(),
                store.sessions(), store, clock, audit, new LdapOwnedEntries(store.identitySource()));
        IdentitySources identitySources = new IdentitySources(store.identitySource(), store.sessions(), store, clock,
                audit, secretSealers);
        LdapDirectories ldapDirectories = new LdapDirectories(identitySources, ldapConnector);
        LdapUsers ldapUsers = new LdapUsers(store.users(), identityStore, store.identitySource());
        AccessModelService accessModel = new AccessModelService(store.accounts(), store.permissionSets(),
                store.assignments(), store.users(), store.groups(), store.sessions(), store, clock, audit, instance);
        LdapUserCheck ldapUserCheck = new LdapUserCheck(ldapDirectories, ldapUsers, store.users(), store.groups(),
                identityStore, store.identitySource(), store);
        return new CoreServices(
                identityStore,
                new Administrators(store.groups(), settings.adminGroup()),
                accessModel,
                new ProvisioningRequests(store.provisioningRequests(), accessModel, store, clock, audit),
                attributes,
                new AccessSimulator(store.users(), store.accounts(), store.permissionSets(), store.assignments(),
                        clock, attributes),
                activations,
                new PasswordResets(store.users(), store, throttle, clock, audit, activations, lifetimes, mailer,
                        settings.publicUrl() + "/activate", instance.get().portalUrl()),
                new SessionService(store.sessions(), clients, store, clock, audit),
                browserSessions,
                pendingSignIns,
                new PasswordStep(store.users(), hasher, throttle, store, audit, mfaGate, store.identitySource(),
                        new DirectoryPasswords(ldapDirectories, ldapUsers, ldapUserCheck, store)),
                new AuthenticatorAppStep(apps, secondFactors),
                new SecurityKeyStep(keys, secondFactors),
                new EnrolmentStep(apps, secondFactors, store),
                apps,
                keys,
                new MfaDevices(store.mfaDevices(), apps, keys),
                clients,
                new DeviceAuthorizations(store.deviceAuthorizations(), store, throttle, clock, audit, lifetimes,
                        clients, instance, settings.publicUrl() + "/device", new RateLimiter("device authorizations",
                        "from this address", settings.rateLimits().deviceAuthorization(), clock, throttled)),
                new AuthorizationRequests(store.authorizationCodes(), store.clients(), store, clock, audit),
                new TokenEndpoint(store.sessions(), store, clock, audit, lifetimes, clients, List.of(
                        new DeviceCodeGrant(store.deviceAuthorizations(), store.users(), store.sessions(),
                                new PollTracker(), lifetimes, clock),
                        new RefreshTokenGrant(store.sessions(), store.users(), audit, ldapUserCheck),
                        new AuthorizationCodeGrant(store.authorizationCodes(), store.users(), store.sessions(),
                                lifetimes))),
                new PortalService(store.sessions(), store.users(), store, clock, audit, entitlements),
                new BrowserPortal(store.accounts(), entitlements),
                callers,
                serviceCredentials,
                new AuthorizationService(store.permissionSets(), clock, verifier, serviceCredentials, callers),
                new AuditQueries(store.audit()),
                new ScimTokens(store.scimTokens(), store, clock, audit, throttled),
                new ScimUsers(store.users(), store.groups(), store.scimExternalIds(), identityStore, attributes,
                        store),
                new ScimGroups(store.groups(), store.users(), store.scimExternalIds(), identityStore, store),
                identitySources,
                new ExternalSignInStep(store.users(), store.groups(), identityStore, identitySources, store, audit,
                        mfaGate),
                new SamlExchanges(store.identitySource(), store, clock, secretSealers),
                new LdapSync(ldapDirectories, ldapUsers, store.users(), store.groups(), identityStore,
                        store.identitySource(), store, audit, clock),
                new ManagementAccount(store.instance(), store.accounts(), store, audit),
                new ScimExternalIds(store.scimExternalIds()),
                new UserContacts(identityStore, store.contactDetails(), store, audit));
    }
}
