package dev.gatehouse.core;

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
import dev.gatehouse.core.storage.Transactions;
import dev.gatehouse.core.throttle.FailedAttemptRepository;
import java.util.function.Function;

/**
 * Every repository, and the transactions they join: what a storage backend provides and the composition root
 * hands out. Services never see it whole; each receives the repositories it uses and the {@link Transactions}.
 */
public interface Store extends Transactions {

    UserRepository users();

    GroupRepository groups();

    AccountRepository accounts();

    PermissionSetRepository permissionSets();

    AssignmentRepository assignments();

    ProvisioningRequestRepository provisioningRequests();

    ClientRepository clients();

    DeviceAuthorizationRepository deviceAuthorizations();

    AuthorizationCodeRepository authorizationCodes();

    SessionRepository sessions();

    ActivationRepository activations();

    MfaDeviceRepository mfaDevices();

    AuditRepository audit();

    InstanceRepository instance();

    FailedAttemptRepository failedAttempts();

    PasswordHistoryRepository passwordHistory();

    PendingSignInRepository pendingSignIns();

    RememberedBrowserRepository rememberedBrowsers();

    UserAttributeRepository userAttributes();

    ContactDetailsRepository contactDetails();

    AccessControlAttributeRepository accessControlAttributes();

    ServiceCredentialRepository serviceCredentials();

    ExpiredRowRepository expiredRows();

    ScimTokenRepository scimTokens();

    ScimExternalIdRepository scimExternalIds();

    IdentitySourceRepository identitySource();

    /** {@link #inTransaction(java.util.function.Supplier)} handing the work this store, for tests and set-up code. */
    default <T> T inTransaction(Function<Store, T> work) {
        return inTransaction(() -> work.apply(this));
    }
}
