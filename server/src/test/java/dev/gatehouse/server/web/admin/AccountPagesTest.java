package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.server.web.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountPagesTest extends ServerWithAdmin {

    private static void permissionSet(String name) {
        server.services.core().accessModel().createPermissionSet(new NewPermissionSet(name, null, "PT1H",
                List.of("ReadOnlyAccess"), null, null, null, Map.of()), Actor.administratorCli(), SETUP);
    }

    @Test
    void createAccountThenItsPageShowsIt() {
        Browser admin = admin();

        HttpResponse<String> created = submit(admin, "/admin/accounts", "accountId", "111122223333", "name",
                "Development", "email", "aws+dev@example.com");

        assertThat(Browser.location(created)).isEqualTo("/admin/accounts/111122223333?notice=account-created");
        assertThat(text(admin.get("/admin/accounts/111122223333"), "account-id")).isEqualTo("111122223333");
        assertThat(admin.get("/admin/accounts").body()).contains(">Development<");
        assertThat(events("CreateAccount")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }

    @Test
    void createAccountWhenIdMalformedOrTakenThenErrorBesideTheFieldThatIsWrong() {
        server.services.core().accessModel().createAccount("222233334444", "Taken", "t@example.com",
                Actor.administratorCli(), SETUP);

        HttpResponse<String> shortId = submit(admin(), "/admin/accounts", "accountId", "1234", "name", "Short",
                "email", "s@example.com");
        HttpResponse<String> takenId = submit(admin(), "/admin/accounts", "accountId", "222233334444", "name",
                "Other", "email", "o@example.com");
        HttpResponse<String> takenName = submit(admin(), "/admin/accounts", "accountId", "777788889999", "name",
                "Taken", "email", "o@example.com");

        assertThat(shortId.statusCode()).isEqualTo(400);
        assertThat(text(shortId, "accountId-error")).isEqualTo("accountId must be exactly 12 digits");
        assertThat(text(takenId, "accountId-error")).isEqualTo("Account '222233334444' already exists");
        assertThat(text(takenName, "name-error")).isEqualTo("Account 'Taken' already exists");
        assertThat(server.services.store().accounts().findById("777788889999")).isEmpty();
    }

    /** What acceptance scenario A does in the browser: the group Developers gets PowerUserAccess in an account. */
    @Test
    void assignGroupAPermissionSetThenMembersHoldItAndTheAssignmentIsListedEverywhere() {
        server.services.core().accessModel().createAccount("333344445555", "Sandbox", "sb@example.com",
                Actor.administratorCli(), SETUP);
        permissionSet("PowerUserAccess");
        server.services.core().identityStore().createGroup("Developers", null, Actor.administratorCli(), SETUP);
        server.services.core().identityStore().addMember("Developers", DEVELOPER, Actor.administratorCli(), SETUP);
        Browser admin = admin();

        HttpResponse<String> assigned = submit(admin, "/admin/accounts/333344445555/assignments", "permissionSet",
                "PowerUserAccess", "principalType", "GROUP", "principal", "Developers");

        assertThat(Browser.location(assigned)).isEqualTo("/admin/accounts/333344445555?notice=assigned");
        assertThat(admin.get("/admin/accounts/333344445555").body()).contains("id=\"assignments\"",
                "href=\"/admin/groups/Developers\"", ">PowerUserAccess<");
        assertThat(admin.get("/admin/groups/Developers").body()).contains("id=\"group-assignments\"", ">Sandbox<");
        assertThat(admin.get("/admin/users/ed.developer").body()).contains("id=\"user-assignments\"", ">Sandbox<",
                "href=\"/admin/groups/Developers\"");
        String edId = server.services.core().identityStore().user(DEVELOPER).userId();
        String arn = server.services.core().accessModel().permissionSet("PowerUserAccess").permissionSetArn();
        assertThat(server.services.store().assignments().userHolds(edId, "333344445555", arn)).isTrue();
        assertThat(events("CreateAccountAssignment")).anySatisfy(e -> {
            assertThat(e.userName()).isEqualTo(ADMIN);
            assertThat(e.requestParameters()).containsEntry("principalName", "Developers");
        });
    }

    @Test
    void assignWhenPermissionSetOrPrincipalUnknownThenErrorBesideThatField() {
        server.services.core().accessModel().createAccount("444455556666", "Errors", "e@example.com",
                Actor.administratorCli(), SETUP);
        permissionSet("ViewOnlyAccess");

        HttpResponse<String> unknownSet = submit(admin(), "/admin/accounts/444455556666/assignments",
                "permissionSet", "NoSuchSet", "principalType", "USER", "principal", DEVELOPER);
        HttpResponse<String> unknownUser = submit(admin(), "/admin/accounts/444455556666/assignments",
                "permissionSet", "ViewOnlyAccess", "principalType", "USER", "principal", "no.body");
        HttpResponse<String> badType = submit(admin(), "/admin/accounts/444455556666/assignments",
                "permissionSet", "ViewOnlyAccess", "principalType", "ROBOT", "principal", DEVELOPER);

        assertThat(unknownSet.statusCode()).isEqualTo(400);
        assertThat(text(unknownSet, "permissionSet-error")).isEqualTo("Permission set 'NoSuchSet' does not exist");
        assertThat(text(unknownUser, "principal-error")).isEqualTo("User 'no.body' does not exist");
        assertThat(Html.tag(unknownUser.body(), "principalType")).isNotNull();
        assertThat(unknownUser.body()).contains("<option value=\"USER\" selected>");
        assertThat(text(badType, "principalType-error")).contains("user or a group");
        assertThat(server.services.core().accessModel().assignments("444455556666")).isEmpty();
    }

    @Test
    void removeAssignmentEndsTheHoldersSessions() {
        server.services.core().accessModel().createAccount("555566667777", "Removal", "r@example.com",
                Actor.administratorCli(), SETUP);
        permissionSet("RemovalAccess");
        server.createActiveUser("rita.removed");
        server.services.core().accessModel().assign("555566667777", "RemovalAccess", PrincipalType.USER, "rita.removed",
                Actor.administratorCli(), SETUP);
        Browser rita = server.newBrowser();
        rita.signIn("rita.removed", "/start");
        Browser admin = admin();

        HttpResponse<String> removed = submit(admin, "/admin/accounts/555566667777/assignments/remove",
                "permissionSet", "RemovalAccess", "principalType", "USER", "principal", "rita.removed");

        assertThat(Browser.location(removed)).isEqualTo("/admin/accounts/555566667777?notice=unassigned");
        assertThat(server.services.core().accessModel().assignments("555566667777")).isEmpty();
        assertThat(rita.get("/start").statusCode()).isEqualTo(303);
        assertThat(events("DeleteAccountAssignment")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }

    @Test
    void deleteAccountAsksFirstThenDeletesIt() {
        server.services.core().accessModel().createAccount("666677778888", "Closing", "c@example.com",
                Actor.administratorCli(), SETUP);
        Browser admin = admin();

        HttpResponse<String> confirmation = admin.get("/admin/accounts/666677778888/delete");
        HttpResponse<String> deleted = submit(admin, "/admin/accounts/666677778888/delete");

        assertThat(text(confirmation, "question")).isEqualTo("Delete the account Closing (666677778888)?");
        assertThat(Browser.location(deleted)).isEqualTo("/admin/accounts?notice=account-deleted");
        assertThat(server.services.store().accounts().findById("666677778888")).isEmpty();
        assertThat(events("CloseAccount")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }
}
