package dev.gatehouse.store.cache;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.abac.AccessControlAttributeRepository;
import dev.gatehouse.core.access.AccountRepository;
import dev.gatehouse.core.access.AssignmentRepository;
import dev.gatehouse.core.access.PermissionSetRepository;
import dev.gatehouse.core.access.ProvisioningRequestRepository;
import dev.gatehouse.core.audit.AuditRepository;
import dev.gatehouse.core.authz.ServiceCredentialRepository;
import dev.gatehouse.core.directory.ContactDetailsRepository;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.UserAttributeRepository;
import dev.gatehouse.core.directory.UserRepository;
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.instance.InstanceRepository;
import dev.gatehouse.core.mfa.MfaDeviceRepository;
import dev.gatehouse.core.oidc.AuthorizationCodeRepository;
import dev.gatehouse.core.oidc.ClientRepository;
import dev.gatehouse.core.oidc.DeviceAuthorizationRepository;
import dev.gatehouse.core.password.ActivationRepository;
import dev.gatehouse.core.password.PasswordHistoryRepository;
import dev.gatehouse.core.retention.ExpiredRowRepository;
import dev.gatehouse.core.scim.ScimExternalIdRepository;
import dev.gatehouse.core.scim.ScimTokenRepository;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.signin.PendingSignInRepository;
import dev.gatehouse.core.signin.RememberedBrowserRepository;
import dev.gatehouse.core.throttle.FailedAttemptRepository;
import java.util.function.Supplier;

/**
 * A {@link Store} whose hot reads are cached and whose writes invalidate them ({@link Invalidations} has the rules).
 * Core services are unchanged: the composition root hands them this store instead of the database's own.
 */
public final class CachingStore implements Store {

    private final Store delegate;
    private final Invalidations invalidations;
    private final UserRepository users;
    private final GroupRepository groups;
    private final AccountRepository accounts;
    private final PermissionSetRepository permissionSets;
    private final AssignmentRepository assignments;
    private final ClientRepository clients;
    private final SessionRepository sessions;
    private final IdentitySourceRepository identitySource;
    private final DeviceAuthorizationRepository deviceAuthorizations;
    private final ServiceCredentialRepository serviceCredentials;
    private final AccessControlAttributeRepository accessControlAttributes;

    public CachingStore(Store delegate, Invalidations invalidations) {
        this.delegate = delegate;
        this.invalidations = invalidations;
        this.users = new CachingUserRepository(delegate.users(), invalidations);
        this.groups = new HoldingsInvalidatingGroups(delegate.groups(), invalidations);
        this.accounts = new HoldingsInvalidatingAccounts(delegate.accounts(), invalidations);
        this.permissionSets = new CachingPermissionSetRepository(delegate.permissionSets(), invalidations);
        this.assignments = new CachingAssignmentRepository(delegate.assignments(), invalidations);
        this.clients = new CachingClientRepository(delegate.clients(), invalidations);
        this.sessions = new CachingSessionRepository(delegate.sessions(), invalidations);
        this.identitySource = new CachingIdentitySourceRepository(delegate.identitySource(), invalidations);
        this.deviceAuthorizations = new CachingDeviceAuthorizationRepository(delegate.deviceAuthorizations(),
                invalidations);
        this.serviceCredentials = new CachingServiceCredentialRepository(delegate.serviceCredentials(), invalidations);
        this.accessControlAttributes = new CachingAccessControlAttributeRepository(delegate.accessControlAttributes(),
                invalidations);
    }

    /** The caches' state, for tests and metrics. */
    public Invalidations invalidations() {
        return invalidations;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public GroupRepository groups() {
        return groups;
    }

    @Override
    public AccountRepository accounts() {
        return accounts;
    }

    @Override
    public PermissionSetRepository permissionSets() {
        return permissionSets;
    }

    @Override
    public AssignmentRepository assignments() {
        return assignments;
    }

    @Override
    public ClientRepository clients() {
        return clients;
    }

    @Override
    public DeviceAuthorizationRepository deviceAuthorizations() {
        return deviceAuthorizations;
    }

    @Override
    public AuthorizationCodeRepository authorizationCodes() {
        return delegate.authorizationCodes();
    }

    @Override
    public SessionRepository sessions() {
        return sessions;
    }

    @Override
    public ActivationRepository activations() {
        return delegate.activations();
    }

    @Override
    public MfaDeviceRepository mfaDevices() {
        return delegate.mfaDevices();
    }

    @Override
    public AuditRepository audit() {
        return delegate.audit();
    }

    @Override
    public InstanceRepository instance() {
        return delegate.instance();
    }

    @Override
    public FailedAttemptRepository failedAttempts() {
        return delegate.failedAttempts();
    }

    @Override
    public ExpiredRowRepository expiredRows() {
        return delegate.expiredRows();
    }

    @Override
    public PasswordHistoryRepository passwordHistory() {
        return delegate.passwordHistory();
    }

    @Override
    public PendingSignInRepository pendingSignIns() {
        return delegate.pendingSignIns();
    }

    @Override
    public RememberedBrowserRepository rememberedBrowsers() {
        return delegate.rememberedBrowsers();
    }

    @Override
    public UserAttributeRepository userAttributes() {
        return delegate.userAttributes();
    }

    @Override
    public AccessControlAttributeRepository accessControlAttributes() {
        return accessControlAttributes;
    }

    @Override
    public ServiceCredentialRepository serviceCredentials() {
        return serviceCredentials;
    }

    @Override
    public ScimTokenRepository scimTokens() {
        return delegate.scimTokens();
    }

    @Override
    public ScimExternalIdRepository scimExternalIds() {
        return delegate.scimExternalIds();
    }

    @Override
    public IdentitySourceRepository identitySource() {
        return identitySource;
    }

    @Override
    public ProvisioningRequestRepository provisioningRequests() {
        return delegate.provisioningRequests();
    }

    @Override
    public ContactDetailsRepository contactDetails() {
        return delegate.contactDetails();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return invalidations.aroundTransaction(() -> delegate.inTransaction(work));
    }
}
