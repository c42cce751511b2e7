package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.AccessModelService.PermissionSetChanges;
import dev.gatehouse.core.access.AccessModelService;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.store.testing.TestInstances;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A permission set's policies as the access model checks and stores them, on a real (H2) store. */
class PermissionSetPoliciesTest extends ServiceOnH2 {

    private static final RequestContext CONTEXT = new RequestContext("request-1", "192.0.2.10", "test");
    private static final Actor ADMIN = Actor.administratorCli();

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-26T10:00:00Z"));
    private AccessModelService accessModel;

    @BeforeEach
    void setUp() {
        accessModel = new AccessModelService(store.accounts(), store.permissionSets(), store.assignments(),
                store.users(), store.groups(), store.sessions(), store, clock, new AuditLog(store.audit(), clock),
                TestInstances::instance);
    }

    private PermissionSet create(List<String> managed, String inline, String boundary) {
        return accessModel.createPermissionSet(new NewPermissionSet("Developer", null, "PT4H", managed, inline,
                boundary, null, Map.of()), ADMIN, CONTEXT);
    }

    private DomainError refusal(Runnable call) {
        return catchThrowableOfType(DomainException.class, call::run).error();
    }

    private List<AuditEvent> events(String eventName) {
        return store.audit().find(new AuditQuery(null, eventName, null, null, 10));
    }

    @Test
    void createWhenPoliciesNamedByArnThenStoredByNameWithTheBoundary() {
        PermissionSet created = create(List.of("arn:aws:iam::aws:policy/PowerUserAccess", "PowerUserAccess",
                "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"), null, "arn:aws:iam::aws:policy/ReadOnlyAccess");

        PermissionSet stored = accessModel.permissionSet("Developer");
        assertThat(stored).isEqualTo(created);
        assertThat(stored.managedPolicies()).containsExactly("PowerUserAccess", "ViewOnlyAccess");
        assertThat(stored.permissionsBoundary()).isEqualTo("ReadOnlyAccess");
        assertThat(events("CreatePermissionSet").getFirst().requestParameters())
                .containsEntry("permissionsBoundary", "ReadOnlyAccess");
    }

    @Test
    void createWhenAManagedPolicyIsUnknownThenRefusedListingTheBundledOnesAndNothingWritten() {
        DomainError error = refusal(() -> create(List.of("PowerUserAccess", "AmazonS3FullAccess"), null, null));

        assertThat(error).isEqualTo(new DomainError.InvalidInput("managedPolicies",
                "managedPolicies: unknown AWS managed policy 'AmazonS3FullAccess'; Gatehouse has "
                        + "AdministratorAccess, PowerUserAccess, ReadOnlyAccess, ViewOnlyAccess"));
        assertThat(accessModel.listPermissionSets(null, 10)).isEmpty();
        assertThat(events("CreatePermissionSet")).isEmpty();
    }

    @Test
    void createWhenTheInlinePolicyIsInvalidThenTheEnginesMessageOnTheFieldAndNothingWritten() {
        DomainError error = refusal(() -> create(List.of(), """
                {"Version":"2012-10-17","Statement":[{"Sid":"Typo","Effect":"Alow","Action":"s3:*","Resource":"*"}]}""",
                null));

        assertThat(error).isInstanceOf(DomainError.InvalidInput.class);
        assertThat(((DomainError.InvalidInput) error).field()).isEqualTo("inlinePolicy");
        assertThat(error.message()).startsWith("inlinePolicy is not a valid policy: ").contains("Typo");
        assertThat(accessModel.listPermissionSets(null, 10)).isEmpty();
    }

    @Test
    void updateWhenTheBoundaryIsCustomerManagedThenRefusedAndTheSetUnchanged() {
        PermissionSet created = create(List.of("PowerUserAccess"), null, null);

        DomainError error = refusal(() -> accessModel.updatePermissionSet("Developer", new PermissionSetChanges(null,
                "PT4H", List.of("PowerUserAccess"), null, "arn:aws:iam::111122223333:policy/Boundary", null,
                Map.of()), ADMIN, CONTEXT));

        assertThat(error.message()).contains("customer managed");
        assertThat(((DomainError.InvalidInput) error).field()).isEqualTo("permissionsBoundary");
        assertThat(accessModel.permissionSet("Developer")).isEqualTo(created);
    }

    @Test
    void putThenDeletePermissionsBoundaryIsStoredAndAudited() {
        create(List.of("PowerUserAccess"), null, null);

        accessModel.putPermissionsBoundary("Developer", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", ADMIN,
                CONTEXT);
        assertThat(accessModel.permissionSet("Developer").permissionsBoundary()).isEqualTo("ViewOnlyAccess");

        accessModel.deletePermissionsBoundary("Developer", ADMIN, CONTEXT);
        assertThat(accessModel.permissionSet("Developer").permissionsBoundary()).isNull();
        assertThat(accessModel.permissionSet("Developer").managedPolicies()).containsExactly("PowerUserAccess");
        assertThat(events("PutPermissionsBoundaryToPermissionSet").getFirst().requestParameters())
                .containsEntry("permissionsBoundary", "ViewOnlyAccess");
        assertThat(events("DeletePermissionsBoundaryFromPermissionSet")).hasSize(1);
    }

    @Test
    void deletePermissionsBoundaryWhenThereIsNoneThenNotFound() {
        create(List.of("PowerUserAccess"), null, null);

        DomainError error = refusal(() -> accessModel.deletePermissionsBoundary("Developer", ADMIN, CONTEXT));

        assertThat(error).isInstanceOf(DomainError.NotFound.class);
        assertThat(error.message()).isEqualTo("Permission set Developer has no permissions boundary");
        assertThat(events("DeletePermissionsBoundaryFromPermissionSet")).isEmpty();
    }

    @Test
    void putPermissionsBoundaryWhenUnknownThenRefusedOnTheBoundaryField() {
        create(List.of("PowerUserAccess"), null, null);

        DomainError error = refusal(() -> accessModel.putPermissionsBoundary("Developer", "NoSuchAccess", ADMIN,
                CONTEXT));

        assertThat(error).isEqualTo(new DomainError.InvalidInput("permissionsBoundary",
                "permissionsBoundary: unknown AWS managed policy 'NoSuchAccess'; Gatehouse has "
                        + "AdministratorAccess, PowerUserAccess, ReadOnlyAccess, ViewOnlyAccess"));
    }
}
