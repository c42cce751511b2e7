package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.server.web.Browser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class GroupPagesTest extends ServerWithAdmin {

    @Test
    void createGroupThenItsPageAndTheListShowIt() {
        Browser admin = admin();

        HttpResponse<String> created = submit(admin, "/admin/groups", "displayName", "Developers",
                "description", "People who build things");
        HttpResponse<String> page = admin.get(Browser.location(created));

        assertThat(Browser.location(created)).isEqualTo("/admin/groups/Developers?notice=group-created");
        assertThat(page.body()).contains("<h1>Developers</h1>", "People who build things", "id=\"no-members\"");
        assertThat(text(page, "notice")).isEqualTo("The group was created.");
        assertThat(admin.get("/admin/groups").body()).contains("href=\"/admin/groups/Developers\"");
        assertThat(events("CreateGroup")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }

    @Test
    void createGroupWhenNameMissingOrTakenThenErrorBesideTheName() {
        server.services.core().identityStore().createGroup("Operators", null, Actor.administratorCli(), SETUP);

        HttpResponse<String> missing = submit(admin(), "/admin/groups", "displayName", " ", "description", "x");
        HttpResponse<String> taken = submit(admin(), "/admin/groups", "displayName", "OPERATORS", "description", "");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(text(missing, "displayName-error")).isEqualTo("displayName is required");
        assertThat(Html.attribute(missing.body(), "description", "value")).isEqualTo("x");
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(text(taken, "displayName-error")).isEqualTo("Group 'OPERATORS' already exists");
    }

    @Test
    void addAndRemoveMembersOnTheGroupsPage() {
        server.services.core().identityStore().createGroup("Ops/EU", null, Actor.administratorCli(), SETUP);
        server.createUser("mia.member");
        Browser admin = admin();

        HttpResponse<String> added = submit(admin, "/admin/groups/Ops%2FEU/members", "userName", "mia.member");
        HttpResponse<String> unknown = submit(admin, "/admin/groups/Ops%2FEU/members", "userName", "no.body");
        HttpResponse<String> page = admin.get("/admin/groups/Ops%2FEU");
        HttpResponse<String> removed = submit(admin, "/admin/groups/Ops%2FEU/members/remove", "userName",
                "mia.member");

        assertThat(Browser.location(added)).isEqualTo("/admin/groups/Ops%2FEU?notice=member-added");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(text(unknown, "userName-error")).isEqualTo("User 'no.body' does not exist");
        assertThat(page.body()).contains("id=\"members\"", "href=\"/admin/users/mia.member\"");
        assertThat(Browser.location(removed)).isEqualTo("/admin/groups/Ops%2FEU?notice=member-removed");
        assertThat(server.services.core().identityStore().members("Ops/EU")).isEmpty();
        assertThat(events("CreateGroupMembership")).anySatisfy(
                e -> assertThat(e.requestParameters()).containsEntry("userName", "mia.member"));
        assertThat(events("DeleteGroupMembership")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }

    @Test
    void membersArePagedByUserName() {
        server.services.core().identityStore().createGroup("Crowd", null, Actor.administratorCli(), SETUP);
        for (int i = 0; i < UsersPage.PAGE_SIZE + 1; i++) {
            String name = String.format("crowd%02d", i);
            server.createUser(name);
            server.services.core().identityStore().addMember("Crowd", name, Actor.administratorCli(), SETUP);
        }
        Browser admin = admin();

        HttpResponse<String> first = admin.get("/admin/groups/Crowd");
        HttpResponse<String> second = admin.get(Html.attribute(first.body(), "next-page", "href"));

        assertThat(first.body()).contains(">crowd00<", ">crowd49<").doesNotContain(">crowd50<");
        assertThat(second.body()).contains(">crowd50<").doesNotContain(">crowd49<");
    }

    @Test
    void assignFromTheGroupsPageThenTheAccountListsItAndRemoveEndsTheMembersSessions() {
        accountAndPermissionSet("121212121212", "GroupAssigned", "GroupAccess");
        server.services.core().identityStore().createGroup("Ops/Assigned", null, Actor.administratorCli(), SETUP);
        server.createActiveUser("gil.grouped");
        server.services.core().identityStore().addMember("Ops/Assigned", "gil.grouped", Actor.administratorCli(), SETUP);
        Browser admin = admin();
        HttpResponse<String> before = admin.get("/admin/groups/Ops%2FAssigned");

        HttpResponse<String> assigned = submit(admin, "/admin/groups/Ops%2FAssigned/assignments",
                "account", "GroupAssigned", "permissionSet", "GroupAccess");
        HttpResponse<String> page = admin.get(Browser.location(assigned));
        HttpResponse<String> account = admin.get("/admin/accounts/121212121212");
        Browser gil = server.newBrowser();
        gil.signIn("gil.grouped", "/start");
        HttpResponse<String> removed = submit(admin, "/admin/groups/Ops%2FAssigned/assignments/remove",
                "account", Browser.hidden(page, "account"), "permissionSet", Browser.hidden(page, "permissionSet"));

        assertThat(text(before, "no-assignments")).isEqualTo("No permission set in any account yet.");
        assertThat(before.body()).contains("<option value=\"121212121212\">GroupAssigned</option>",
                "<option value=\"GroupAccess\"></option>");
        assertThat(Html.attribute(before.body(), "account", "list")).isEqualTo("account-ids");
        assertThat(Html.attribute(before.body(), "assign-to-group", "action"))
                .isEqualTo("/admin/groups/Ops%2FAssigned/assignments#assign-to-group");
        assertThat(Browser.location(assigned)).isEqualTo("/admin/groups/Ops%2FAssigned?notice=assigned");
        assertThat(text(page, "notice")).isEqualTo("The permission set was assigned.");
        assertThat(page.body()).contains("id=\"group-assignments\"", ">GroupAssigned</a>", ">GroupAccess</a>");
        assertThat(account.body()).contains("href=\"/admin/groups/Ops%2FAssigned\"");
        assertThat(events("CreateAccountAssignment")).anySatisfy(e -> {
            assertThat(e.userName()).isEqualTo(ADMIN);
            assertThat(e.requestParameters()).containsEntry("principalName", "Ops/Assigned")
                    .containsEntry("principalType", "GROUP");
        });
        assertThat(Browser.location(removed)).isEqualTo("/admin/groups/Ops%2FAssigned?notice=unassigned");
        assertThat(server.services.core().accessModel().assignments("121212121212")).isEmpty();
        assertThat(gil.get("/start").statusCode()).isEqualTo(303);
        assertThat(events("DeleteAccountAssignment")).anySatisfy(e -> {
            assertThat(e.userName()).isEqualTo(ADMIN);
            assertThat(e.requestParameters()).containsEntry("principalName", "Ops/Assigned");
        });
    }

    @Test
    void assignWhenAccountOrPermissionSetUnknownOrAlreadyAssignedThenErrorBesideThatField() {
        accountAndPermissionSet("131313131313", "GroupErrors", "GroupErrorAccess");
        server.services.core().identityStore().createGroup("Erring", null, Actor.administratorCli(), SETUP);
        server.services.core().accessModel().assign("131313131313", "GroupErrorAccess", PrincipalType.GROUP, "Erring",
                Actor.administratorCli(), SETUP);
        Browser admin = admin();

        HttpResponse<String> unknownAccount = submit(admin, "/admin/groups/Erring/assignments",
                "account", "999999999999", "permissionSet", "GroupErrorAccess");
        HttpResponse<String> unknownSet = submit(admin, "/admin/groups/Erring/assignments",
                "account", "131313131313", "permissionSet", "NoSuchSet");
        HttpResponse<String> again = submit(admin, "/admin/groups/Erring/assignments",
                "account", "GroupErrors", "permissionSet", "GroupErrorAccess");

        assertThat(unknownAccount.statusCode()).isEqualTo(400);
        assertThat(text(unknownAccount, "account-error")).isEqualTo("Account '999999999999' does not exist");
        assertThat(Html.attribute(unknownAccount.body(), "account", "aria-invalid")).isEqualTo("true");
        assertThat(Html.attribute(unknownAccount.body(), "permissionSet", "value")).isEqualTo("GroupErrorAccess");
        assertThat(unknownSet.statusCode()).isEqualTo(400);
        assertThat(text(unknownSet, "permissionSet-error")).isEqualTo("Permission set 'NoSuchSet' does not exist");
        assertThat(Html.attribute(unknownSet.body(), "account", "value")).isEqualTo("131313131313");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(text(again, "permissionSet-error"))
                .isEqualTo("GroupErrorAccess is already assigned to the group Erring in account GroupErrors");
        assertThat(server.services.core().accessModel().assignments("131313131313")).hasSize(1);
    }

    @Test
    void assignOrRemoveWithoutCsrfTokenIsRefusedAndNothingChanges() {
        accountAndPermissionSet("141414141414", "GroupCsrf", "GroupCsrfAccess");
        server.services.core().identityStore().createGroup("Guarded", null, Actor.administratorCli(), SETUP);
        server.services.core().identityStore().createGroup("Unguarded", null, Actor.administratorCli(), SETUP);
        server.services.core().accessModel().assign("141414141414", "GroupCsrfAccess", PrincipalType.GROUP, "Guarded",
                Actor.administratorCli(), SETUP);
        Browser admin = admin();

        HttpResponse<String> assign = admin.post("/admin/groups/Unguarded/assignments",
                Browser.form("account", "141414141414", "permissionSet", "GroupCsrfAccess"));
        HttpResponse<String> remove = admin.post("/admin/groups/Guarded/assignments/remove",
                Browser.form("account", "141414141414", "permissionSet", "GroupCsrfAccess"));

        assertThat(assign.statusCode()).isEqualTo(403);
        assertThat(remove.statusCode()).isEqualTo(403);
        assertThat(server.services.core().accessModel().assignments("141414141414")).singleElement()
                .satisfies(a -> assertThat(a.principalId()).isEqualTo(
                        server.services.core().identityStore().group("Guarded").groupId()));
    }

    @Test
    void deleteGroupAsksFirstThenDeletesItButNotItsMembers() {
        server.services.core().identityStore().createGroup("Doomed", null, Actor.administratorCli(), SETUP);
        server.createUser("stays.here");
        server.services.core().identityStore().addMember("Doomed", "stays.here", Actor.administratorCli(), SETUP);
        Browser admin = admin();

        HttpResponse<String> confirmation = admin.get("/admin/groups/Doomed/delete");
        HttpResponse<String> deleted = submit(admin, "/admin/groups/Doomed/delete");

        assertThat(text(confirmation, "question")).isEqualTo("Delete the group Doomed?");
        assertThat(Browser.location(deleted)).isEqualTo("/admin/groups?notice=group-deleted");
        assertThat(server.services.store().groups().findByDisplayName("Doomed")).isEmpty();
        User stays = server.services.core().identityStore().user("stays.here");
        assertThat(server.services.store().groups().groupsOf(stays.userId())).isEmpty();
        assertThat(events("DeleteGroup")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }

    @Test
    void unknownGroupPageIsNotFound() {
        HttpResponse<String> missing = admin().get("/admin/groups/Nothing");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Group 'Nothing' does not exist");
    }
}
