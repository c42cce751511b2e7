package dev.gatehouse.core.testing;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link Store} in memory, for tests of core's services without a database. It behaves as the JDBC store does
 * by the storage contract (store's {@code InMemoryStoreTest} runs that contract on it): the same uniqueness and
 * foreign-key errors, orders, pages and cascades.
 *
 * <p>Transactions are serializable in the simplest way: one lock for the whole store, held for a transaction and
 * for each repository call outside one. A transaction snapshots every table when it starts and puts them back if
 * its work throws, so a failed transaction leaves nothing half-written; a nested one joins the outer transaction
 * and, like the JDBC store's savepoint, undoes only its own writes when it throws.
 *
 * <p>Reads are counted per repository method ({@link #reads}), so a test can say how often a request went to
 * the store.
 */
public final class InMemoryStore implements Store {

    private final InMemoryTables tables = new InMemoryTables();
    private final Statements statements = new Statements();
    private final UserRepository users = new InMemoryUsers(tables, statements);
    private final GroupRepository groups = new InMemoryGroups(tables, statements);
    private final AccountRepository accounts = new InMemoryAccounts(tables, statements);
    private final PermissionSetRepository permissionSets = new InMemoryPermissionSets(tables, statements);
    private final AssignmentRepository assignments = new InMemoryAssignments(tables, statements);
    private final ClientRepository clients = new InMemoryClients(tables, statements);
    private final DeviceAuthorizationRepository deviceAuthorizations =
            new InMemoryDeviceAuthorizations(tables, statements);
    private final AuthorizationCodeRepository authorizationCodes = new InMemoryAuthorizationCodes(tables, statements);
    private final SessionRepository sessions = new InMemorySessions(tables, statements);
    private final ActivationRepository activations = new InMemoryActivations(tables, statements);
    private final MfaDeviceRepository mfaDevices = new InMemoryMfaDevices(tables, statements);
    private final AuditRepository audit = new InMemoryAudit(tables, statements);
    private final InstanceRepository instance = new InMemoryInstance(tables, statements);
    private final FailedAttemptRepository failedAttempts = new InMemoryFailedAttempts(tables, statements);
    private final ExpiredRowRepository expiredRows = new InMemoryExpiredRows(tables, statements);
    private final PasswordHistoryRepository passwordHistory = new InMemoryPasswordHistory(tables, statements);
    private final PendingSignInRepository pendingSignIns = new InMemoryPendingSignIns(tables, statements);
    private final RememberedBrowserRepository rememberedBrowsers = new InMemoryRememberedBrowsers(tables, statements);
    private final UserAttributeRepository userAttributes = new InMemoryUserAttributes(tables, statements);
    private final ContactDetailsRepository contactDetails = new InMemoryContactDetails(tables, statements);
    private final AccessControlAttributeRepository accessControlAttributes =
            new InMemoryAccessControlAttributes(tables, statements);
    private final ServiceCredentialRepository serviceCredentials = new InMemoryServiceCredentials(tables, statements);
    private final ProvisioningRequestRepository provisioningRequests =
            new InMemoryProvisioningRequests(tables, statements);
    private final ScimTokenRepository scimTokens = new InMemoryScim.Tokens(tables, statements);
    private final ScimExternalIdRepository scimExternalIds = new InMemoryScim.ExternalIds(tables, statements);
    private final IdentitySourceRepository identitySource = new InMemoryIdentitySource(tables, statements);

    @Override
    public IdentitySourceRepository identitySource() {
        return identitySource;
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
    public <T> T inTransaction(Supplier<T> work) {
        ReentrantLock lock = statements.lock();
        lock.lock();
        try {
            List<Map<?, ?>> before = tables.snapshot();
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                tables.restore(before);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many times the repository method (e.g. "UserRepository.findById") read from this store. */
    public int reads(String method) {
        return statements.reads(method);
    }

    /** Every repository method that read, with how many times, by name: what a failing assertion should show. */
    public Map<String, Integer> reads() {
        return statements.allReads();
    }

    /** How many times a pending sign-in was loaded through {@link PendingSignInRepository#find}. */
    public int pendingSignInReads() {
        return reads(InMemoryPendingSignIns.FIND);
    }

    /** How many statements changed (or could have changed) rows since the counts last started from zero. */
    public int writes() {
        return statements.writes();
    }

    /** Starts every read and write count from zero, e.g. after a test's set-up. */
    public void resetReads() {
        statements.resetReads();
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
}
