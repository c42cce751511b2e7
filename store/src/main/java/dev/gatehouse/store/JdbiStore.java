package dev.gatehouse.store;

import dev.gatehouse.core.Store;
import dev.gatehouse.core.abac.AccessControlAttributeRepository;
import dev.gatehouse.core.access.AccountRepository;
import dev.gatehouse.core.access.AssignmentRepository;
import dev.gatehouse.core.access.PermissionSetRepository;
import dev.gatehouse.core.access.ProvisioningRequestRepository;
import dev.gatehouse.core.audit.AuditRepository;
import dev.gatehouse.core.authz.ServiceCredentialRepository;
import dev.gatehouse.core.directory.GroupRepository;
import dev.gatehouse.core.directory.ContactDetailsRepository;
import dev.gatehouse.core.directory.UserAttributeRepository;
import dev.gatehouse.core.directory.UserRepository;
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
import dev.gatehouse.core.identitysource.IdentitySourceRepository;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.signin.PendingSignInRepository;
import dev.gatehouse.core.signin.RememberedBrowserRepository;
import dev.gatehouse.core.throttle.FailedAttemptRepository;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** The repositories over one JDBI instance; inside {@link #inTransaction} they all share the transaction's handle. */
public final class JdbiStore implements Store {

    private final Handles handles;
    private final UserRepository users;
    private final GroupRepository groups;
    private final AccountRepository accounts;
    private final PermissionSetRepository permissionSets;
    private final AssignmentRepository assignments;
    private final ClientRepository clients;
    private final DeviceAuthorizationRepository deviceAuthorizations;
    private final AuthorizationCodeRepository authorizationCodes;
    private final SessionRepository sessions;
    private final ActivationRepository activations;
    private final MfaDeviceRepository mfaDevices;
    private final JdbiAuditRepository audit;
    private final InstanceRepository instance;
    private final FailedAttemptRepository failedAttempts;
    private final ExpiredRowRepository expiredRows;
    private final PasswordHistoryRepository passwordHistory;
    private final PendingSignInRepository pendingSignIns;
    private final RememberedBrowserRepository rememberedBrowsers;
    private final UserAttributeRepository userAttributes;
    private final ContactDetailsRepository contactDetails;
    private final AccessControlAttributeRepository accessControlAttributes;
    private final ServiceCredentialRepository serviceCredentials;
    private final ProvisioningRequestRepository provisioningRequests;
    private final ScimTokenRepository scimTokens;
    private final ScimExternalIdRepository scimExternalIds;
    private final IdentitySourceRepository identitySource;

    public JdbiStore(Jdbi jdbi) {
        this.handles = new Handles(jdbi);
        this.users = new JdbiUserRepository(handles);
        this.groups = new JdbiGroupRepository(handles);
        this.accounts = new JdbiAccountRepository(handles);
        this.permissionSets = new JdbiPermissionSetRepository(handles);
        this.assignments = new JdbiAssignmentRepository(handles);
        this.clients = new JdbiClientRepository(handles);
        this.deviceAuthorizations = new JdbiDeviceAuthorizationRepository(handles);
        this.authorizationCodes = new JdbiAuthorizationCodeRepository(handles);
        this.sessions = new JdbiSessionRepository(handles);
        this.activations = new JdbiActivationRepository(handles);
        this.mfaDevices = new JdbiMfaDeviceRepository(handles);
        this.audit = new JdbiAuditRepository(handles);
        this.instance = new JdbiInstanceRepository(handles);
        this.failedAttempts = new JdbiFailedAttemptRepository(handles);
        this.expiredRows = new JdbiExpiredRowRepository(handles);
        this.passwordHistory = new JdbiPasswordHistoryRepository(handles);
        this.pendingSignIns = new JdbiPendingSignInRepository(handles);
        this.rememberedBrowsers = new JdbiRememberedBrowserRepository(handles);
        this.userAttributes = new JdbiUserAttributeRepository(handles);
        this.contactDetails = new JdbiContactDetailsRepository(handles);
        this.accessControlAttributes = new JdbiAccessControlAttributeRepository(handles);
        this.serviceCredentials = new JdbiServiceCredentialRepository(handles);
        this.provisioningRequests = new JdbiProvisioningRequestRepository(handles);
        this.scimTokens = new JdbiScimRepositories.Tokens(handles);
        this.scimExternalIds = new JdbiScimRepositories.ExternalIds(handles);
        this.identitySource = new JdbiIdentitySourceRepository(handles);
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
        return authorizationCodes;
    }

    @Override
    public SessionRepository sessions() {
        return sessions;
    }

    @Override
    public ActivationRepository activations() {
        return activations;
    }

    @Override
    public MfaDeviceRepository mfaDevices() {
        return mfaDevices;
    }

    @Override
    public AuditRepository audit() {
        return audit;
    }

    @Override
    public InstanceRepository instance() {
        return instance;
    }

    @Override
    public FailedAttemptRepository failedAttempts() {
        return failedAttempts;
    }

    @Override
    public ExpiredRowRepository expiredRows() {
        return expiredRows;
    }

    @Override
    public PasswordHistoryRepository passwordHistory() {
        return passwordHistory;
    }

    @Override
    public PendingSignInRepository pendingSignIns() {
        return pendingSignIns;
    }

    @Override
    public RememberedBrowserRepository rememberedBrowsers() {
        return rememberedBrowsers;
    }

    @Override
    public UserAttributeRepository userAttributes() {
        return userAttributes;
    }

    @Override
    public ContactDetailsRepository contactDetails() {
        return contactDetails;
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
    public ProvisioningRequestRepository provisioningRequests() {
        return provisioningRequests;
    }

    @Override
    public ScimTokenRepository scimTokens() {
        return scimTokens;
    }

    @Override
    public ScimExternalIdRepository scimExternalIds() {
        return scimExternalIds;
    }

    @Override
    public IdentitySourceRepository identitySource() {
        return identitySource;
    }

    Handles handles() {
        return handles;
    }

    /** Commits the audit events still waiting for their group commit; afterwards, outside a transaction, none. */
    void closeAudit() {
        audit.close();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return handles.inTransaction(work);
    }
}
