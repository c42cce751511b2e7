package dev.gatehouse.store.contract;

/** The whole storage contract; a test class per database implements it and hands each test an empty store. */
public interface StoreConformance extends UserRepositoryContract, GroupRepositoryContract, AccountRepositoryContract,
        PermissionSetRepositoryContract, AssignmentRepositoryContract, ClientRepositoryContract,
        DeviceAuthorizationContract, AuthorizationCodeContract, SessionRepositoryContract, ActivationRepositoryContract,
        AuditRepositoryContract, InstanceRepositoryContract, InstantContract, TransactionContract, MigrationContract,
        MfaDeviceRepositoryContract, FailedAttemptContract, PasswordHistoryContract, PendingSignInContract,
        AuthorizationRepositoriesContract {
}
