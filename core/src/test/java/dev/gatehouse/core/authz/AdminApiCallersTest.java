package dev.gatehouse.core.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The administration APIs' decision: the credential's own policies, a refusal audited. */
class AdminApiCallersTest {

    private static final String STORE = "arn:aws:identitystore:::identitystore/d-9067a1b2c3";

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();
    private final AdminApiCallers callers = new AdminApiCallers(services.authorization(), services.callerIdentity(),
            core.store.permissionSets(), services.managementAccount(), core.clock,
            new AuditLog(core.store.audit(), core.clock));

    private static AdminApiCaller credential(List<String> managed, String inline) {
        return AdminApiCallers.of(new ServiceCredential("AKIAAAAAAAAAAAAAAAAA", "terraform", "sealed",
                InMemoryCore.START, managed, inline));
    }

    private void refused(AdminApiCaller caller, String action) {
        assertThatThrownBy(() -> callers.authorize(caller, action, STORE, "identitystore.amazonaws.com",
                InMemoryCore.CONTEXT)).as(action).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isInstanceOf(DomainError.AccessDenied.class));
    }

    @Test
    void viewOnlyAccessMayListButNotCreateAndTheRefusalIsAudited() {
        AdminApiCaller viewer = credential(List.of("ViewOnlyAccess"), null);

        callers.authorize(viewer, "identitystore:ListUsers", STORE, "identitystore.amazonaws.com",
                InMemoryCore.CONTEXT);
        refused(viewer, "identitystore:CreateUser");

        assertThat(core.store.audit().find(AuditQuery.all())).singleElement().satisfies(event -> {
            assertThat(event.eventName()).isEqualTo("CreateUser");
            assertThat(event.errorCode()).isNotNull();
        });
    }

    @Test
    void noPoliciesAllowNothing() {
        refused(credential(List.of(), null), "identitystore:ListUsers");
    }

    @Test
    void anInlinePolicyThatNoLongerReadsDeniesEverythingEvenWhatAManagedOneAllows() {
        refused(credential(List.of("AdministratorAccess"), "{\"Statement\": 42}"), "identitystore:ListUsers");
    }
}
