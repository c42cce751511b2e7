package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.model.User;
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
        server.services.identityStore().createGroup("Operators", null, Actor.administratorCli(), SETUP);

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
        server.services.identityStore().createGroup("Ops/EU", null, Actor.administratorCli(), SETUP);
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
        assertThat(server.services.identityStore().members("Ops/EU")).isEmpty();
        assertThat(events("CreateGroupMembership")).anySatisfy(
                e -> assertThat(e.requestParameters()).containsEntry("userName", "mia.member"));
        assertThat(events("DeleteGroupMembership")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }

    @Test
    void membersArePagedByUserName() {
        server.services.identityStore().createGroup("Crowd", null, Actor.administratorCli(), SETUP);
        for (int i = 0; i < UsersPage.PAGE_SIZE + 1; i++) {
            String name = String.format("crowd%02d", i);
            server.createUser(name);
            server.services.identityStore().addMember("Crowd", name, Actor.administratorCli(), SETUP);
        }
        Browser admin = admin();

        HttpResponse<String> first = admin.get("/admin/groups/Crowd");
        HttpResponse<String> second = admin.get(Html.attribute(first.body(), "next-page", "href"));

        assertThat(first.body()).contains(">crowd00<", ">crowd49<").doesNotContain(">crowd50<");
        assertThat(second.body()).contains(">crowd50<").doesNotContain(">crowd49<");
    }

    @Test
    void deleteGroupAsksFirstThenDeletesItButNotItsMembers() {
        server.services.identityStore().createGroup("Doomed", null, Actor.administratorCli(), SETUP);
        server.createUser("stays.here");
        server.services.identityStore().addMember("Doomed", "stays.here", Actor.administratorCli(), SETUP);
        Browser admin = admin();

        HttpResponse<String> confirmation = admin.get("/admin/groups/Doomed/delete");
        HttpResponse<String> deleted = submit(admin, "/admin/groups/Doomed/delete");

        assertThat(text(confirmation, "question")).isEqualTo("Delete the group Doomed?");
        assertThat(Browser.location(deleted)).isEqualTo("/admin/groups?notice=group-deleted");
        assertThat(server.services.store().groups().findByDisplayName("Doomed")).isEmpty();
        User stays = server.services.identityStore().user("stays.here");
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
