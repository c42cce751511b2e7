package dev.gatehouse.core.directory;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GroupNestingsTest {

    private static final Actor ADMIN = Actor.administratorCli();

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();
    private final IdentityStoreService directory = services.identityStore();

    private Group group(String name) {
        return directory.createGroup(name, null, ADMIN, CONTEXT);
    }

    private String sessionOf(User user) {
        PortalSession session = new PortalSession(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                SessionKind.TOKEN, user.userId(), "client", null, core.clock.instant(),
                core.clock.instant().plus(Duration.ofHours(8)), null);
        core.store.sessions().insert(session);
        return session.sessionId();
    }

    private boolean active(String sessionId) {
        return core.store.sessions().findById(sessionId).orElseThrow().activeAt(core.clock.instant());
    }

    private static String invalidMessage(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            assertThat(e.error()).isInstanceOf(DomainError.InvalidInput.class);
            return e.error().message();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void nestGroupWhenItWouldCloseACycleThenRefusedAndNothingWritten() {
        group("Company");
        group("Engineering");
        group("Developers");
        directory.nestGroup("Company", "Engineering", ADMIN, CONTEXT);
        directory.nestGroup("Engineering", "Developers", ADMIN, CONTEXT);

        assertThat(invalidMessage(() -> directory.nestGroup("Developers", "Company", ADMIN, CONTEXT)))
                .contains("cycle");
        assertThat(invalidMessage(() -> directory.nestGroup("Developers", "Developers", ADMIN, CONTEXT)))
                .contains("itself");
        assertThat(directory.nestedGroups("Developers")).isEmpty();
    }

    @Test
    void nestGroupWhenTheChainWouldPassTheDepthLimitThenRefused() {
        group("Level 0");
        for (int level = 1; level <= GroupNestings.MAX_DEPTH; level++) {
            group("Level " + level);
            directory.nestGroup("Level " + level, "Level " + (level - 1), ADMIN, CONTEXT);
        }
        group("Level 17");

        assertThat(invalidMessage(() -> directory.nestGroup("Level 17", "Level 16", ADMIN, CONTEXT)))
                .contains("at most 16 levels");
        group("Below");
        assertThat(invalidMessage(() -> directory.nestGroup("Level 0", "Below", ADMIN, CONTEXT)))
                .contains("at most 16 levels");
    }

    @Test
    void nestGroupTwiceThenAlreadyExists() {
        group("Engineering");
        group("Developers");
        directory.nestGroup("Engineering", "Developers", ADMIN, CONTEXT);

        assertThatThrownBy(() -> directory.nestGroup("Engineering", "Developers", ADMIN, CONTEXT))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isInstanceOf(DomainError.AlreadyExists.class));
    }

    @Test
    void unnestGroupEndsTheSessionsOfEveryoneBelowItAndNoOneElse() {
        User ed = core.user("ed.developer");
        User ann = core.user("ann.tester");
        User bob = core.user("bob.outside");
        group("Engineering");
        group("Developers");
        group("Testers");
        directory.addMember("Developers", ed.userName(), ADMIN, CONTEXT);
        directory.addMember("Testers", ann.userName(), ADMIN, CONTEXT);
        directory.addMember("Engineering", bob.userName(), ADMIN, CONTEXT);
        directory.nestGroup("Engineering", "Developers", ADMIN, CONTEXT);
        directory.nestGroup("Developers", "Testers", ADMIN, CONTEXT);
        String edSession = sessionOf(ed);
        String annSession = sessionOf(ann);
        String bobSession = sessionOf(bob);

        directory.unnestGroup("Engineering", "Developers", ADMIN, CONTEXT);

        assertThat(active(edSession)).isFalse();
        assertThat(active(annSession)).isFalse();
        assertThat(active(bobSession)).isTrue();
        assertThat(directory.nestedGroups("Engineering")).isEmpty();
        assertThat(core.store.audit().find(AuditQuery.all()).stream().map(e -> e.eventName()))
                .contains("CreateGroupNesting", "DeleteGroupNesting");
    }

    @Test
    void deleteGroupEndsTheSessionsOfItsMembersAndOfNestedGroupsMembers() {
        User ed = core.user("ed.developer");
        User bob = core.user("bob.outside");
        group("Engineering");
        group("Developers");
        directory.addMember("Developers", ed.userName(), ADMIN, CONTEXT);
        directory.nestGroup("Engineering", "Developers", ADMIN, CONTEXT);
        String edSession = sessionOf(ed);
        String bobSession = sessionOf(bob);

        directory.deleteGroup("Engineering", ADMIN, CONTEXT);

        assertThat(active(edSession)).isFalse();
        assertThat(active(bobSession)).isTrue();
        assertThat(directory.group("Developers").displayName()).isEqualTo("Developers");
    }

    @Test
    void whatAnOuterGroupIsAssignedIsEffectiveForNestedMembersUntilTheAssignmentGoesWithTheirSessions() {
        User ed = core.user("ed.developer");
        group("Engineering");
        group("Developers");
        directory.addMember("Developers", ed.userName(), ADMIN, CONTEXT);
        directory.nestGroup("Engineering", "Developers", ADMIN, CONTEXT);
        services.accessModel().createAccount("111122223333", "dev", "dev@example.com", ADMIN, CONTEXT);
        services.accessModel().createPermissionSet(new NewPermissionSet("ReadOnlyAccess", null, "PT1H",
                List.of("ReadOnlyAccess"), null, null, null, Map.of()), ADMIN, CONTEXT);
        services.accessModel().assign("dev", "ReadOnlyAccess", PrincipalType.GROUP, "Engineering", ADMIN, CONTEXT);
        String edSession = sessionOf(ed);

        assertThat(services.accessModel().effectiveAssignmentsOf(ed.userName()))
                .extracting(a -> a.principalName() + " " + a.permissionSet().name())
                .containsExactly("Engineering ReadOnlyAccess");

        services.accessModel().unassign("dev", "ReadOnlyAccess", PrincipalType.GROUP, "Engineering", ADMIN, CONTEXT);

        assertThat(active(edSession)).as("a nested member loses the assignment's access at once").isFalse();
        assertThat(services.accessModel().effectiveAssignmentsOf(ed.userName())).isEmpty();
    }

    @Test
    void administratorsByGroupIncludeMembersOfGroupsNestedInIt() {
        User ed = core.user("ed.developer");
        group("Admins");
        group("Platform");
        directory.addMember("Platform", ed.userName(), ADMIN, CONTEXT);
        Administrators administrators = new Administrators(core.store.groups(), "Admins");
        assertThat(administrators.isAdministrator(ed)).isFalse();

        directory.nestGroup("Admins", "Platform", ADMIN, CONTEXT);

        assertThat(administrators.isAdministrator(ed)).isTrue();
    }
}
