package dev.gatehouse.core.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimPatch.Operation;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The enterprise extension's attributes, kept as the user's attributes for access control (ABAC). */
class ScimEnterpriseTest {

    private static final Actor SCIM = new Actor("ScimToken", "token-1", "scim");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();

    private ScimUser created(Map<String, Object> enterprise) {
        return services.scimUsers().create(ScimPatch.userFromResource(Map.of("userName", "ann",
                "name", Map.of("givenName", "Ann", "familyName", "Smith"),
                "emails", List.of(Map.of("value", "ann@example.com", "primary", true)), ENTERPRISE, enterprise)),
                SCIM, InMemoryCore.CONTEXT);
    }

    @Test
    void whenAUserIsCreatedWithTheExtensionThenItsAttributesAreKeptAndBecomePrincipalTags() {
        ScimUser ann = created(Map.of("department", "Engineering", "costCenter", "4130", "employeeNumber", "701984",
                "manager", Map.of("value", "26118915-6090-4610-87e4-49d8ca9f808d")));
        services.accessControlAttributes().setMapping(Map.of("team", "department", "cost-center", "costCenter"),
                Actor.administratorCli(), InMemoryCore.CONTEXT);

        assertThat(ann.enterprise()).isEqualTo(Map.of("department", "Engineering", "costCenter", "4130",
                "employeeNumber", "701984"));
        assertThat(services.accessControlAttributes().userAttributes("ann")).containsEntry("department", "Engineering");
        assertThat(services.accessControlAttributes().tagsFor(services.identityStore().user("ann")))
                .isEqualTo(Map.of("team", "Engineering", "cost-center", "4130"));
    }

    @Test
    void whenEntraPatchesOneAttributeByItsFullPathThenOnlyItChangesAndRemoveTakesItAway() {
        ScimUser ann = created(Map.of("department", "Engineering", "division", "Cloud"));

        ScimUser moved = services.scimUsers().patch(ann.id(), List.of(
                new Operation("Replace", ENTERPRISE + ":department", "Sales"),
                new Operation("Add", ENTERPRISE + ":organization", "Contoso")), SCIM, InMemoryCore.CONTEXT);
        ScimUser removed = services.scimUsers().patch(ann.id(), List.of(
                new Operation("Remove", ENTERPRISE + ":division", null)), SCIM, InMemoryCore.CONTEXT);

        assertThat(moved.enterprise()).isEqualTo(Map.of("department", "Sales", "division", "Cloud",
                "organization", "Contoso"));
        assertThat(removed.enterprise()).isEqualTo(Map.of("department", "Sales", "organization", "Contoso"));
        assertThat(moved.version()).isNotEqualTo(ann.version()).isNotEqualTo(removed.version());
    }

    @Test
    void whenPutLeavesTheExtensionOutThenTheAttributesAreRemoved() {
        ScimUser ann = created(Map.of("department", "Engineering"));

        ScimUser replaced = services.scimUsers().replace(ann.id(), ScimPatch.userFromResource(Map.of(
                "userName", "ann", "name", Map.of("givenName", "Ann", "familyName", "Smith"),
                "emails", List.of(Map.of("value", "ann@example.com")))), SCIM, InMemoryCore.CONTEXT);

        assertThat(replaced.enterprise()).isEmpty();
        assertThat(services.accessControlAttributes().userAttributes("ann")).doesNotContainKey("department");
    }

    @Test
    void whenAValueCannotBeATagValueThenRefusedNamingTheAttributeAndNoUserIsMade() {
        assertThatThrownBy(() -> created(Map.of("department", "R&D <ops>")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error())
                        .isInstanceOfSatisfying(DomainError.InvalidInput.class,
                                invalid -> assertThat(invalid.field()).isEqualTo("department")));

        assertThat(core.store.users().findByUserName("ann")).isEmpty();
    }
}
