package dev.gatehouse.store.contract;

/**
 * What every store must do, whatever keeps its data: the repositories' behaviour and the transactions they join.
 * The JDBC store on each database and core's in-memory store implement it.
 */
public interface RepositoryConformance extends UserRepositoryContract, GroupRepositoryContract,
        AccountRepositoryContract, PermissionSetRepositoryContract, AssignmentRepositoryContract,
        ClientRepositoryContract, DeviceAuthorizationContract, AuthorizationCodeContract, SessionRepositoryContract,
        ActivationRepositoryContract, AuditRepositoryContract, InstanceRepositoryContract, TransactionContract,
        MfaDeviceRepositoryContract, FailedAttemptContract, PasswordHistoryContract, PendingSignInContract,
        AuthorizationRepositoriesContract, ExpiredRowContract, ScimRepositoriesContract,
        IdentitySourceContract, GroupNestingContract, ProvisioningRequestContract, ContactDetailsContract {
}
