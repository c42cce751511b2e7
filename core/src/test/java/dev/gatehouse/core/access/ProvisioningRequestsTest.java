package dev.gatehouse.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.ProvisioningRequest.Kind;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvisioningRequestsTest {

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();
    private String set;

    @BeforeEach
    void accessModel() {
        core.user("ed.developer");
        services.accessModel().createAccount("111122223333", "Development", "dev@example.com",
                Actor.administratorCli(), InMemoryCore.CONTEXT);
        set = services.accessModel().createPermissionSet(new NewPermissionSet("Deployers", null, "PT1H",
                List.of("ViewOnlyAccess"), null, null, null, Map.of()), Actor.administratorCli(),
                InMemoryCore.CONTEXT).permissionSetArn();
    }

    private ProvisioningRequest assign() {
        return services.provisioningRequests().createAssignment("111122223333", set, PrincipalType.USER,
                "ed.developer", Actor.administratorCli(), InMemoryCore.CONTEXT);
    }

    @Test
    void anAssignmentIsMadeAndItsStatusIsFoundAsSucceededUnderItsOwnKindOnly() {
        ProvisioningRequest request = assign();

        assertThat(services.accessModel().assignments("111122223333")).hasSize(1);
        assertThat(services.provisioningRequests().find(Kind.CREATE_ACCOUNT_ASSIGNMENT, request.requestId()))
                .isEqualTo(request);
        assertThat(request.status()).isEqualTo(ProvisioningRequest.SUCCEEDED);
        assertThatThrownBy(() -> services.provisioningRequests().find(Kind.DELETE_ACCOUNT_ASSIGNMENT,
                request.requestId())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.error()).isInstanceOf(DomainError.NotFound.class));
    }

    @Test
    void aRefusedAssignmentLeavesNoStatusBehind() {
        assign();

        assertThatThrownBy(this::assign).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.error()).isInstanceOf(DomainError.AlreadyExists.class));
        assertThat(services.provisioningRequests().page(Kind.CREATE_ACCOUNT_ASSIGNMENT, null, 10).items())
                .hasSize(1);
    }

    @Test
    void aDeletionOfAnAssignmentThatIsNotThereLeavesNoStatusBehind() {
        assertThatThrownBy(() -> services.provisioningRequests().deleteAssignment("111122223333", set,
                PrincipalType.USER, "ed.developer", "id", Actor.administratorCli(), InMemoryCore.CONTEXT))
                .isInstanceOf(DomainException.class);

        assertThat(services.provisioningRequests().page(Kind.DELETE_ACCOUNT_ASSIGNMENT, null, 10).items()).isEmpty();
    }

    @Test
    void provisioningAnUnknownAccountIsNotFoundAndToAllAccountsNamesNone() {
        assertThatThrownBy(() -> services.provisioningRequests().provision(set, "999999999999",
                Actor.administratorCli(), InMemoryCore.CONTEXT)).isInstanceOf(DomainException.class);

        ProvisioningRequest everywhere = services.provisioningRequests().provision(set, null,
                Actor.administratorCli(), InMemoryCore.CONTEXT);
        assertThat(everywhere.accountId()).isNull();
        assertThat(services.provisioningRequests().find(Kind.PROVISION_PERMISSION_SET, everywhere.requestId()))
                .isEqualTo(everywhere);
    }
}
