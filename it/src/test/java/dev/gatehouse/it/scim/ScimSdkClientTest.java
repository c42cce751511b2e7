package dev.gatehouse.it.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.server.Services;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * UnboundID's SCIM 2 SDK, a SCIM client written by others, provisions Gatehouse over HTTP as an identity provider
 * would: users and groups created, found by filters, patched, replaced and deleted; a group nested in a group that
 * holds an assignment gives its member the role in the portal (the real AWS SDK's ListAccountRoles); a change made
 * on a stale version is refused; refusals reach the client as SCIM errors it understands.
 */
class ScimSdkClientTest {

    private static final RequestContext SETUP = RequestContext.commandLine("it-setup");
    private static final String PASSWORD = "Corr3ct-Horse-Battery";

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private ScimSdk sdk;
    private ScimService scim;

    @BeforeEach
    void start() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        String token = gatehouse.services().core().scimTokens().create(Entitlement.ADMIN, SETUP).value();
        sdk = new ScimSdk(gatehouse.baseUrl(), token);
        scim = sdk.service();
    }

    @AfterEach
    void stop() {
        sdk.close();
        gatehouse.close();
    }

    private static UserResource user(String userName, String given, String family, String externalId) {
        UserResource user = new UserResource().setUserName(userName)
                .setName(new Name().setGivenName(given).setFamilyName(family))
                .setEmails(List.of(new Email().setValue(userName + "@example.com").setType("work").setPrimary(true)))
                .setActive(true);
        user.setExternalId(externalId);
        return user;
    }

    private static List<String> userNames(ListResponse<UserResource> found) {
        return found.getResources().stream().map(UserResource::getUserName).sorted().toList();
    }

    private ListResponse<UserResource> users(Filter filter) throws ScimException {
        return scim.searchRequest("Users").filter(filter).invoke(UserResource.class);
    }

    @Test
    void usersAreCreatedFoundByFiltersPatchedReplacedAndDeleted() throws ScimException {
        UserResource ann = scim.create("Users", user("ann.smith", "Ann", "Smith", "idp-1"));
        UserResource bob = scim.create("Users", user("bob.jones", "Bob", "Jones", "idp-2"));
        UserResource carl = scim.create("Users", user("carl.smith", "Carl", "Smith", "idp-3"));

        assertThat(ann.getId()).isNotBlank();
        assertThat(ann.getMeta().getLocation().toString()).endsWith("/scim/v2/Users/" + ann.getId());
        assertThat(userNames(users(Filter.eq("userName", "ANN.SMITH")))).containsExactly("ann.smith");
        assertThat(userNames(users(Filter.sw("userName", "carl")))).containsExactly("carl.smith");
        assertThat(userNames(users(Filter.ew("userName", "smith")))).containsExactly("ann.smith", "carl.smith");
        assertThat(userNames(users(Filter.and(Filter.co("userName", "smith"), Filter.ne("externalId", "idp-1")))))
                .containsExactly("carl.smith");
        assertThat(userNames(users(Filter.or(Filter.eq("externalId", "idp-2"), Filter.eq("name.givenName", "ann")))))
                .containsExactly("ann.smith", "bob.jones");
        assertThat(userNames(users(Filter.not(Filter.pr("externalId"))))).isEmpty();
        ListResponse<UserResource> firstPage = scim.searchRequest("Users").page(1, 2).invoke(UserResource.class);
        assertThat(firstPage.getTotalResults()).isEqualTo(3);
        assertThat(firstPage.getResources()).hasSize(2);

        UserResource disabled = scim.modifyRequest("Users", bob.getId()).replaceValue("active", false)
                .replaceValue("displayName", "Robert Jones").invoke(UserResource.class);

        assertThat(disabled.getActive()).isFalse();
        assertThat(disabled.getDisplayName()).isEqualTo("Robert Jones");
        assertThat(gatehouse.services().core().identityStore().user("bob.jones").status())
                .isEqualTo(UserStatus.DISABLED);

        carl.setName(new Name().setGivenName("Carlos").setFamilyName("Smith"));
        UserResource replaced = scim.replace(carl);

        assertThat(replaced.getName().getGivenName()).isEqualTo("Carlos");

        scim.delete("Users", carl.getId());

        assertScimError(() -> scim.retrieve("Users", carl.getId(), UserResource.class), 404, null);
        assertThat(userNames(users(Filter.co("userName", "smith")))).containsExactly("ann.smith");
    }

    @Test
    void aGroupNestedInAGroupWithAnAssignmentGivesItsMemberTheRoleUntilTheNestingIsRemoved() throws Exception {
        Services services = gatehouse.services();
        PermissionSet readOnly = assignedToGroupMadeBySdk(services, "Engineering");
        UserResource ann = scim.create("Users", user("ann.smith", "Ann", "Smith", "idp-1"));
        activate(services, "ann.smith", PASSWORD);
        GroupResource platform = scim.create("Groups", new GroupResource().setDisplayName("Platform")
                .setMembers(List.of(new Member().setValue(ann.getId()))));
        String engineeringId = groupId("Engineering");

        GroupResource engineering = scim.modifyRequest("Groups", engineeringId)
                .addValues("members", new Member().setValue(platform.getId())).invoke(GroupResource.class);

        assertThat(engineering.getMembers()).singleElement().satisfies(member -> {
            assertThat(member.getValue()).isEqualTo(platform.getId());
            assertThat(member.getType()).isEqualTo("Group");
        });
        assertThat(scim.retrieve("Users", ann.getId(), UserResource.class).getGroups())
                .extracting(g -> g.getDisplay() + " " + g.getType())
                .containsExactly("Platform direct", "Engineering indirect");
        assertThat(scim.searchRequest("Groups").filter(Filter.eq("members.value", platform.getId()))
                .invoke(GroupResource.class).getResources()).extracting(GroupResource::getDisplayName)
                .containsExactly("Engineering");

        Entitlement annAsPerson = new Entitlement(services, "ann.smith", PASSWORD, "111122223333", "Development",
                readOnly, "Engineering");
        try (DeviceLogin login = new DeviceLogin(gatehouse)) {
            String accessToken = login.logIn(annAsPerson).accessToken();

            List<RoleInfo> roles = login.sso().listAccountRoles(r -> r.accessToken(accessToken)
                    .accountId("111122223333")).roleList();

            assertThat(roles).extracting(RoleInfo::roleName).containsExactly("ReadOnlyAccess");
            assertThat(login.roleCredentials(accessToken, annAsPerson).accessKeyId()).startsWith("ASIA");

            scim.modifyRequest("Groups", engineeringId)
                    .removeValues("members[value eq \"" + platform.getId() + "\"]").invoke(GroupResource.class);

            assertThatThrownBy(() -> login.sso().listAccountRoles(r -> r.accessToken(accessToken)
                    .accountId("111122223333"))).isInstanceOf(UnauthorizedException.class);
        }
        assertThat(services.core().accessModel().effectiveAssignmentsOf("ann.smith")).isEmpty();
    }

    /** An account and ReadOnlyAccess, assigned to a group the SDK creates: the administrator's part. */
    private PermissionSet assignedToGroupMadeBySdk(Services services, String groupName) throws ScimException {
        scim.create("Groups", new GroupResource().setDisplayName(groupName));
        services.core().accessModel().createAccount("111122223333", "Development", "aws+dev@example.com",
                Entitlement.ADMIN, SETUP);
        PermissionSet readOnly = services.core().accessModel().createPermissionSet(new NewPermissionSet(
                "ReadOnlyAccess", "Read everything", "PT1H", List.of("ReadOnlyAccess"), null, null, null, Map.of()),
                Entitlement.ADMIN, SETUP);
        services.core().accessModel().assign("111122223333", "ReadOnlyAccess", PrincipalType.GROUP, groupName,
                Entitlement.ADMIN, SETUP);
        return readOnly;
    }

    private String groupId(String displayName) throws ScimException {
        return scim.searchRequest("Groups").filter(Filter.eq("displayName", displayName))
                .invoke(GroupResource.class).getResources().getFirst().getId();
    }

    @Test
    void theSdkChangesAUserOnlyAtTheVersionItRead() throws ScimException {
        UserResource read = scim.create("Users", user("dora.lee", "Dora", "Lee", "idp-4"));
        String firstVersion = read.getMeta().getVersion();
        UserResource renamed = scim.modifyRequest("Users", read.getId()).ifMatch(firstVersion)
                .replaceValue("displayName", "Dora L.").invoke(UserResource.class);

        read.setDisplayName("Dora from a stale copy");
        assertScimError(() -> scim.replaceRequest(read).ifMatch().invoke(), 412, "preconditionFailed");
        assertScimError(() -> scim.deleteRequest("Users", read.getId()).ifMatch(firstVersion).invoke(),
                412, "preconditionFailed");

        assertThat(renamed.getMeta().getVersion()).isNotEqualTo(firstVersion);
        assertThat(scim.retrieve("Users", read.getId(), UserResource.class).getDisplayName()).isEqualTo("Dora L.");
        scim.deleteRequest("Users", read.getId()).ifMatch(renamed.getMeta().getVersion()).invoke();
        assertScimError(() -> scim.retrieve("Users", read.getId(), UserResource.class), 404, null);
    }

    @Test
    void refusalsReachTheSdkAsScimErrors() throws ScimException {
        scim.create("Users", user("ann.smith", "Ann", "Smith", "idp-1"));
        GroupResource outer = scim.create("Groups", new GroupResource().setDisplayName("Outer"));
        GroupResource inner = scim.create("Groups", new GroupResource().setDisplayName("Inner")
                .setMembers(List.of(new Member().setValue(outer.getId()))));

        assertScimError(() -> scim.create("Users", user("ANN.SMITH", "Ann", "Smith", "idp-9")), 409, "uniqueness");
        assertScimError(() -> scim.searchRequest("Users").filter("nickName eq \"ann\"").invoke(UserResource.class),
                400, "invalidFilter");
        assertScimError(() -> scim.modifyRequest("Groups", outer.getId())
                .addValues("members", new Member().setValue(inner.getId())).invoke(GroupResource.class),
                400, "invalidValue");
        assertScimError(() -> scim.retrieve("Groups", "no-such-group", GroupResource.class), 404, null);
        try (ScimSdk stranger = new ScimSdk(gatehouse.baseUrl(), "not-a-token")) {
            assertScimError(() -> stranger.service().searchRequest("Users").invoke(UserResource.class), 401, null);
        }
        assertThat(scim.retrieve("Groups", outer.getId(), GroupResource.class).getMembers()).isNullOrEmpty();
    }

    private static void assertScimError(ThrowingCallable call, int status, String scimType) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.getScimError().getStatus()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.getScimError().getScimType()).as(e.getMessage()).isEqualTo(scimType);
            assertThat(e.getScimError().getDetail()).isNotBlank();
        });
    }

    /** The password a SCIM-made user signs in with, set through the activation link an administrator sends. */
    private static void activate(Services services, String userName, String password) {
        services.core().activations().setPassword(services.core().activations().issue(userName, Entitlement.ADMIN,
                SETUP), password.toCharArray(), SETUP);
    }
}
