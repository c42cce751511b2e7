package dev.gatehouse.core.port;

import java.util.function.Function;

/**
 * The repositories, and a way to run several calls as one transaction so that nothing is half-written.
 * Outside {@link #inTransaction}, each repository call stands alone.
 */
public interface Store {

    UserRepository users();

    GroupRepository groups();

    AccountRepository accounts();

    PermissionSetRepository permissionSets();

    AssignmentRepository assignments();

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

    AccessControlAttributeRepository accessControlAttributes();

    ServiceCredentialRepository serviceCredentials();

    /**
     * Runs {@code work} in one transaction on a Store bound to it; commits when it returns, rolls back
     * when it throws (the exception propagates unchanged).
     */
    <T> T inTransaction(Function<Store, T> work);
}
