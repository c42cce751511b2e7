package dev.gatehouse.core.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimPatch.Operation;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PATCH applied through the services on the in-memory store: what is stored afterwards. */
class ScimPatchTest {

    private static final Actor SCIM = new Actor("ScimToken", "token-1", "scim");

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();

    private ScimUser created(String userName) {
        return services.scimUsers().create(ScimPatch.userFromResource(Map.of("userName", userName,
                "name", Map.of("givenName", "Ann", "familyName", "Smith"),
                "emails", List.of(Map.of("value", "old@example.com", "primary", true)), "externalId", "ext-1")),
                SCIM, InMemoryCore.CONTEXT);
    }

    @Test
    void whenEntraSendsCapitalisedReplaceWithStringBooleanThenUserIsDisabledAndSessionsEnd() {
        ScimUser ann = created("ann");

        ScimUser patched = services.scimUsers().patch(ann.id(), List.of(new Operation("Replace", "active", "False")),
                SCIM, InMemoryCore.CONTEXT);

        assertThat(patched.active()).isFalse();
        assertThat(core.store.users().findById(ann.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void whenOperationHasNoPathThenEachMemberOfTheValueIsReplaced() {
        ScimUser ann = created("ann");

        services.scimUsers().patch(ann.id(), List.of(new Operation("replace", null, Map.of(
                "displayName", "Ann S.", "name", Map.of("familyName", "Jones"), "externalId", "ext-2",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", Map.of("department", "Sales")))),
                SCIM, InMemoryCore.CONTEXT);

        ScimUser stored = services.scimUsers().get(ann.id());
        assertThat(stored.displayName()).isEqualTo("Ann S.");
        assertThat(stored.familyName()).isEqualTo("Jones");
        assertThat(stored.externalId()).isEqualTo("ext-2");
        assertThat(stored.enterprise()).isEqualTo(Map.of("department", "Sales"));
    }

    @Test
    void whenEmailAndUserNameArePatchedThenTheDirectoryUserChanges() {
        ScimUser ann = created("ann");

        services.scimUsers().patch(ann.id(), List.of(
                new Operation("add", "emails[type eq \"work\"].value", "new@example.com"),
                new Operation("replace", "userName", "ann.smith"),
                new Operation("remove", "externalId", null)), SCIM, InMemoryCore.CONTEXT);

        assertThat(services.identityStore().user("ann.smith").email()).isEqualTo("new@example.com");
        assertThat(services.scimUsers().get(ann.id()).externalId()).isNull();
    }

    @Test
    void whenAPatchFailsHalfwayThenNothingIsStored() {
        ScimUser ann = created("ann");

        assertThatThrownBy(() -> services.scimUsers().patch(ann.id(), List.of(
                new Operation("replace", "displayName", "Changed"),
                new Operation("replace", "emails", "not an email")), SCIM, InMemoryCore.CONTEXT))
                .isInstanceOf(DomainException.class);

        assertThat(services.scimUsers().get(ann.id()).displayName()).isEqualTo("Ann Smith");
    }

    @Test
    void whenGroupMembersAreAddedAndRemovedByFilterThenMembershipsFollow() {
        ScimUser ann = created("ann");
        ScimUser bob = created("bob");
        ScimGroup group = services.scimGroups().create("Engineers", null, List.of(ann.id()), SCIM,
                InMemoryCore.CONTEXT);

        ScimGroup patched = services.scimGroups().patch(group.id(), List.of(
                new Operation("Add", "members", List.of(Map.of("value", bob.id()))),
                new Operation("remove", "members[value eq \"" + ann.id() + "\"]", null)), SCIM, InMemoryCore.CONTEXT);

        assertThat(patched.members()).extracting(ScimGroup.Member::value).containsExactly(bob.id());
        assertThat(core.store.groups().membersOf(group.id())).extracting("userId").containsExactly(bob.id());
    }

    @Test
    void whenGroupPatchHasUnknownPathThenInvalidPath() {
        ScimGroup group = services.scimGroups().create("Engineers", null, List.of(), SCIM, InMemoryCore.CONTEXT);

        assertThatThrownBy(() -> services.scimGroups().patch(group.id(),
                List.of(new Operation("add", "owners", "x")), SCIM, InMemoryCore.CONTEXT))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error())
                        .hasFieldOrPropertyWithValue("field", ScimFields.PATH));
    }
}
