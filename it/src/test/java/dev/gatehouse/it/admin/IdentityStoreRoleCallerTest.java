package dev.gatehouse.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.it.AwsClients;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedException;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.Name;
import software.amazon.awssdk.services.sso.model.RoleCredentials;

/**
 * A person administers the identity store with the role credentials the portal gave them, as with AWS: decided by
 * their permission set's policies, and only for a permission set assigned in the management account.
 */
class IdentityStoreRoleCallerTest {

    private static final RequestContext SETUP = RequestContext.commandLine("it-identitystore-roles");
    private static final String WORKLOADS = "444455556666";

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private Entitlement ed;
    private DeviceLogin login;
    private String accessToken;
    private String storeId;

    @BeforeEach
    void start() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        // Development (111122223333), created first, is the management account by default.
        ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        AccessModelService access = gatehouse.services().core().accessModel();
        access.createPermissionSet(new NewPermissionSet("ViewOnly", "Look, do not touch", "PT1H",
                List.of("ViewOnlyAccess"), null, null, null, Map.of()), Entitlement.ADMIN, SETUP);
        access.assign(ed.accountId(), "ViewOnly", PrincipalType.USER, ed.userName(), Entitlement.ADMIN, SETUP);
        access.createAccount(WORKLOADS, "Workloads", "aws+workloads@example.com", Entitlement.ADMIN, SETUP);
        access.assign(WORKLOADS, ed.roleName(), PrincipalType.USER, ed.userName(), Entitlement.ADMIN, SETUP);
        storeId = gatehouse.services().instance().identityStoreId();
        login = new DeviceLogin(gatehouse);
        accessToken = login.logIn(ed).accessToken();
    }

    @AfterEach
    void stop() throws Exception {
        login.close();
        gatehouse.close();
    }

    private IdentitystoreClient as(String accountId, String roleName) {
        RoleCredentials credentials = login.sso().getRoleCredentials(r -> r.accessToken(accessToken)
                .accountId(accountId).roleName(roleName)).roleCredentials();
        return AwsClients.identityStore(gatehouse.baseUrl(), credentials);
    }

    private String createUser(IdentitystoreClient client, String userName) {
        return client.createUser(b -> b.identityStoreId(storeId).userName(userName)
                .name(Name.builder().givenName("Ann").familyName("Lee").build())
                .emails(Email.builder().value(userName + "@example.com").primary(true).build())).userId();
    }

    @Test
    void aPowerUserInTheManagementAccountCreatesAUserAuditedAsTheirRoleSession() {
        try (IdentitystoreClient powerUser = as(ed.accountId(), ed.roleName())) {
            String userId = createUser(powerUser, "ann");

            assertThat(powerUser.describeUser(b -> b.identityStoreId(storeId).userId(userId)).userName())
                    .isEqualTo("ann");
        }
        assertThat(gatehouse.services().core().auditQueries().find(AuditQuery.all()))
                .anySatisfy(event -> {
                    assertThat(event.eventName()).isEqualTo("CreateUser");
                    assertThat(event.eventSource()).isEqualTo("identitystore.amazonaws.com");
                    assertThat(event.errorCode()).isNull();
                    assertThat(event.userName()).isEqualTo(ed.userName());
                    assertThat(event.userIdentity()).containsEntry("type", "AssumedRole");
                });
        // The portal call that issued the credentials is told apart from the administration it was used for.
        assertThat(gatehouse.services().core().auditQueries().find(AuditQuery.all()))
                .filteredOn(event -> event.eventName().equals("GetRoleCredentials"))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.eventSource()).isEqualTo("portal.sso.amazonaws.com"));
    }

    @Test
    void aViewOnlyPermissionSetListsButMayNotCreate() {
        try (IdentitystoreClient viewer = as(ed.accountId(), "ViewOnly")) {
            assertThat(viewer.listUsers(b -> b.identityStoreId(storeId)).users())
                    .anySatisfy(user -> assertThat(user.userName()).isEqualTo(ed.userName()));

            assertThatThrownBy(() -> createUser(viewer, "ann"))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.getMessage())
                            .contains("identitystore:CreateUser", "assumed-role/AWSReservedSSO_ViewOnly_",
                                    "/" + ed.userName()));
        }
        assertThat(gatehouse.services().core().identityStore().listUsers(null, 100))
                .noneSatisfy(user -> assertThat(user.userName()).isEqualTo("ann"));
    }

    @Test
    void credentialsForAnotherAccountAreRefusedUntilItIsChosenAsTheManagementAccount() {
        try (IdentitystoreClient workloads = as(WORKLOADS, ed.roleName())) {
            assertThatThrownBy(() -> workloads.listUsers(b -> b.identityStoreId(storeId)))
                    .isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.getMessage()).contains("management account"));

            gatehouse.services().core().managementAccount().choose("Workloads", Entitlement.ADMIN, SETUP);

            assertThat(workloads.listUsers(b -> b.identityStoreId(storeId)).users()).isNotEmpty();
        }
        try (IdentitystoreClient development = as(ed.accountId(), ed.roleName())) {
            assertThatThrownBy(() -> development.listUsers(b -> b.identityStoreId(storeId)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
