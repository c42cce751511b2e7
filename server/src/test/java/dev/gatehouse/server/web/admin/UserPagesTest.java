package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.server.web.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserPagesTest extends ServerWithAdmin {

    @Test
    void createUserThenTheirPageShowsAWorkingActivationLink() {
        Browser admin = admin();

        HttpResponse<String> created = submit(admin, "/admin/users", "userName", "new.hire", "givenName", "New",
                "familyName", "Hire", "displayName", "", "email", "new.hire@example.com");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(text(created, "notice")).isEqualTo("The user was created.");
        String link = Html.attribute(created.body(), "activation-link", "href");
        assertThat(link).startsWith(server.services.config().http().publicUrl() + "/activate?token=gha_");
        assertThat(text(created, "activation-link")).isEqualTo(link);
        assertThat(text(created, "user-display-name")).isEqualTo("New Hire");
        assertThat(text(created, "user-password")).startsWith("Not set yet");
        URI activation = URI.create(link);
        assertThat(server.newBrowser().get(activation.getRawPath() + "?" + activation.getRawQuery()).body())
                .contains("Choose a password for <strong>new.hire</strong>");
        assertThat(events("CreateUser")).anySatisfy(e -> {
            assertThat(e.requestParameters()).containsEntry("userName", "new.hire");
            assertThat(e.userName()).isEqualTo(ADMIN);
        });
        assertThat(events("CreateActivationLink")).anySatisfy(
                e -> assertThat(e.requestParameters()).containsEntry("userName", "new.hire"));
    }

    @Test
    void createUserWhenFieldsAreWrongThenErrorsBesideTheFieldsAndNothingCreated() {
        HttpResponse<String> missingGivenName = submit(admin(), "/admin/users", "userName", "bad.user",
                "givenName", "", "familyName", "User", "email", "bad.user@example.com");
        HttpResponse<String> badEmail = submit(admin(), "/admin/users", "userName", "bad.user", "givenName", "Bad",
                "familyName", "User", "email", "not-an-address");
        HttpResponse<String> spaceInName = submit(admin(), "/admin/users", "userName", "bad user", "givenName",
                "Bad", "familyName", "User", "email", "bad.user@example.com", "administrator", "true");

        assertThat(missingGivenName.statusCode()).isEqualTo(400);
        assertThat(text(missingGivenName, "givenName-error")).isEqualTo("givenName is required");
        assertThat(Html.tag(missingGivenName.body(), "givenName")).contains("aria-invalid=\"true\"",
                "aria-describedby=\"givenName-error\"");
        assertThat(Html.attribute(missingGivenName.body(), "userName", "value")).isEqualTo("bad.user");
        assertThat(text(badEmail, "email-error")).contains("must be an email address");
        assertThat(Html.attribute(badEmail.body(), "email", "value")).isEqualTo("not-an-address");
        assertThat(text(spaceInName, "userName-error")).contains("may not contain spaces");
        assertThat(Html.tag(spaceInName.body(), "administrator")).contains(" checked");
        assertThat(server.services.store().users().findByUserName("bad.user")).isEmpty();
        assertThat(server.services.store().users().findByUserName("bad user")).isEmpty();
    }

    @Test
    void createUserWhenNameTakenInAnyCaseThenErrorBesideUserName() {
        HttpResponse<String> duplicate = submit(admin(), "/admin/users", "userName", "ED.Developer", "givenName",
                "Ed", "familyName", "Again", "email", "ed2@example.com");

        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(text(duplicate, "userName-error")).isEqualTo("User 'ED.Developer' already exists");
    }

    @Test
    void usersListSearchesByNamePrefixAndPages() {
        for (int i = 0; i < UsersPage.PAGE_SIZE + 2; i++) {
            server.createUser(String.format("page.user%03d", i));
        }
        Browser admin = admin();

        HttpResponse<String> first = admin.get("/admin/users?search=page.");
        String next = Html.attribute(first.body(), "next-page", "href");
        HttpResponse<String> second = admin.get(next);
        HttpResponse<String> none = admin.get("/admin/users?search=nobody");

        assertThat(first.body()).contains(">page.user000<", ">page.user049<").doesNotContain(">page.user050<",
                ">ed.developer<");
        assertThat(next).isEqualTo("/admin/users?search=page.&after=page.user049");
        assertThat(second.body()).contains(">page.user050<", ">page.user051<").doesNotContain(">page.user049<");
        assertThat(Html.has(second.body(), "next-page")).isFalse();
        assertThat(none.body()).contains("id=\"no-users\"");
    }

    @Test
    void editUserChangesNamesEmailAndAdministratorFlagAndIsAudited() {
        server.createUser("edit.me");
        Browser admin = admin();
        HttpResponse<String> form = admin.get("/admin/users/edit.me/edit");

        HttpResponse<String> saved = submit(admin, "/admin/users/edit.me/edit", "givenName", "Edith",
                "familyName", "Me", "displayName", "Edith M.", "email", "edith@example.com", "administrator", "true");
        HttpResponse<String> invalid = submit(admin, "/admin/users/edit.me/edit", "givenName", "Edith",
                "familyName", "", "displayName", "", "email", "edith@example.com");

        assertThat(Html.attribute(form.body(), "givenName", "value")).isEqualTo("Ed");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(Browser.location(saved)).isEqualTo("/admin/users/edit.me?notice=user-saved");
        User edited = server.services.core().identityStore().user("edit.me");
        assertThat(edited.displayName()).isEqualTo("Edith M.");
        assertThat(edited.email()).isEqualTo("edith@example.com");
        assertThat(edited.administrator()).isTrue();
        assertThat(text(admin.get(Browser.location(saved)), "notice")).isEqualTo("The user was saved.");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(text(invalid, "familyName-error")).isEqualTo("familyName is required");
        assertThat(events("UpdateUser")).anySatisfy(e -> {
            assertThat(e.requestParameters()).containsEntry("userName", "edit.me").containsEntry("administrator", true);
            assertThat(e.requestParameters().get("changed").toString()).contains("email", "administrator");
            assertThat(e.toString()).doesNotContain("edith@example.com");
        });
    }

    @Test
    void disableEndsTheUsersSessionsAndEnableLetsThemSignInAgain() {
        server.createActiveUser("dee.disabled");
        Browser dee = server.newBrowser();
        dee.signIn("dee.disabled", "/start");
        Browser admin = admin();

        HttpResponse<String> disabled = submit(admin, "/admin/users/dee.disabled/disable");

        assertThat(Browser.location(disabled)).isEqualTo("/admin/users/dee.disabled?notice=user-disabled");
        assertThat(text(admin.get("/admin/users/dee.disabled"), "user-status")).isEqualTo("Disabled");
        assertThat(dee.get("/start").statusCode()).isEqualTo(303);
        assertThat(dee.signIn("dee.disabled", "/start").statusCode()).isNotEqualTo(303);

        submit(admin, "/admin/users/dee.disabled/enable");

        assertThat(server.services.core().identityStore().user("dee.disabled").enabled()).isTrue();
        assertThat(dee.signIn("dee.disabled", "/start").statusCode()).isEqualTo(303);
        assertThat(events("DisableUser")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
        assertThat(events("EnableUser")).isNotEmpty();
    }

    @Test
    void administratorCannotDisableOrDeleteThemselves() {
        Browser admin = admin();

        HttpResponse<String> disable = submit(admin, "/admin/users/ann.admin/disable");
        HttpResponse<String> delete = submit(admin, "/admin/users/ann.admin/delete");

        assertThat(disable.statusCode()).isEqualTo(403);
        assertThat(disable.body()).contains("You cannot disable your own user");
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(server.services.core().identityStore().user(ADMIN).enabled()).isTrue();
    }

    @Test
    void deleteAsksFirstThenDeletesTheUser() {
        server.createUser("del.me");
        Browser admin = admin();

        HttpResponse<String> confirmation = admin.get("/admin/users/del.me/delete");
        HttpResponse<String> deleted = submit(admin, "/admin/users/del.me/delete");

        assertThat(text(confirmation, "question")).isEqualTo("Delete the user del.me?");
        assertThat(Html.tag(confirmation.body(), "confirm-delete")).contains("type=\"submit\"");
        assertThat(confirmation.body()).contains("action=\"/admin/users/del.me/delete\"");
        assertThat(Browser.location(deleted)).isEqualTo("/admin/users?notice=user-deleted");
        assertThat(server.services.store().users().findByUserName("del.me")).isEmpty();
        assertThat(admin.get("/admin/users/del.me").statusCode()).isEqualTo(404);
        assertThat(events("DeleteUser")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
    }

    @Test
    void resetPasswordLinkIsShownOnTheUsersPage() {
        HttpResponse<String> page = submit(admin(), "/admin/users/ed.developer/activation-link");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Html.attribute(page.body(), "activation-link", "href")).contains("/activate?token=gha_");
        assertThat(text(page, "issue-activation-link")).isEqualTo("Reset password link");
    }

    @Test
    void userPageListsActiveSessionsAndEndsOneOrAll() {
        server.createActiveUser("sam.sessions");
        Browser first = server.newBrowser();
        Browser second = server.newBrowser();
        first.signIn("sam.sessions", "/start");
        second.signIn("sam.sessions", "/start");
        Browser admin = admin();
        HttpResponse<String> page = admin.get("/admin/users/sam.sessions");
        String firstSessionId = Browser.hidden(page, "sessionId");

        HttpResponse<String> revoked = submit(admin, "/admin/users/sam.sessions/sessions/revoke",
                "sessionId", firstSessionId);

        assertThat(page.body()).contains("id=\"user-sessions\"").contains(">Browser<");
        assertThat(Browser.location(revoked)).isEqualTo("/admin/users/sam.sessions?notice=session-revoked");
        User sam = server.services.core().identityStore().user("sam.sessions");
        assertThat(server.services.core().sessions().activeSessionsOf(sam.userId())).hasSize(1)
                .noneMatch(s -> s.session().sessionId().equals(firstSessionId));

        HttpResponse<String> allRevoked = submit(admin, "/admin/users/sam.sessions/sessions/revoke-all");

        assertThat(Browser.location(allRevoked)).isEqualTo("/admin/users/sam.sessions?notice=sessions-revoked");
        assertThat(first.get("/start").statusCode()).isEqualTo(303);
        assertThat(second.get("/start").statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/users/sam.sessions").body()).contains("id=\"no-sessions\"");
        assertThat(events("RevokeSession")).anySatisfy(e -> assertThat(e.userName()).isEqualTo(ADMIN));
        assertThat(events("RevokeAllSessions")).anySatisfy(
                e -> assertThat(e.requestParameters()).containsEntry("userName", "sam.sessions"));
    }

    @Test
    void revokingAnotherUsersSessionIdThroughThisUsersPageIsNotFound() {
        server.createActiveUser("owen.other");
        server.newBrowser().signIn("owen.other", "/start");
        String owensSession = server.services.core().sessions().activeSessionsOf(
                server.services.core().identityStore().user("owen.other").userId()).getFirst().session().sessionId();

        HttpResponse<String> refused = submit(admin(), "/admin/users/ed.developer/sessions/revoke",
                "sessionId", owensSession);

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(server.services.core().sessions().activeSessionsOf(
                server.services.core().identityStore().user("owen.other").userId())).hasSize(1)
                .allSatisfy(s -> assertThat(s.session().kind()).isEqualTo(SessionKind.BROWSER));
    }

    @Test
    void addToGroupFromTheUsersPageAndRemoveAgain() {
        server.services.core().identityStore().createGroup("Testers", null, Actor.administratorCli(), SETUP);
        server.createUser("gus.groups");
        Browser admin = admin();

        HttpResponse<String> added = submit(admin, "/admin/users/gus.groups/groups", "groupName", "testers");
        HttpResponse<String> unknown = submit(admin, "/admin/users/gus.groups/groups", "groupName", "Nope");
        HttpResponse<String> again = submit(admin, "/admin/users/gus.groups/groups", "groupName", "Testers");
        HttpResponse<String> page = admin.get("/admin/users/gus.groups");
        HttpResponse<String> removed = submit(admin, "/admin/users/gus.groups/groups/remove", "groupName",
                "Testers");

        assertThat(Browser.location(added)).isEqualTo("/admin/users/gus.groups?notice=member-added");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(text(unknown, "groupName-error")).isEqualTo("Group 'Nope' does not exist");
        assertThat(Html.attribute(unknown.body(), "groupName", "value")).isEqualTo("Nope");
        assertThat(text(again, "groupName-error")).contains("already exists");
        assertThat(page.body()).contains("id=\"user-groups\"", ">Testers</a>");
        assertThat(Browser.location(removed)).isEqualTo("/admin/users/gus.groups?notice=member-removed");
        assertThat(server.services.core().identityStore().groupsOf("gus.groups")).isEmpty();
    }

    @Test
    void assignFromTheUsersPageThenTheAccountListsItAndRemoveEndsTheirSessions() {
        accountAndPermissionSet("212121212121", "UserAssigned", "UserAccess");
        server.createActiveUser("ula.user");
        Browser admin = admin();
        HttpResponse<String> before = admin.get("/admin/users/ula.user");

        HttpResponse<String> assigned = submit(admin, "/admin/users/ula.user/assignments",
                "account", "212121212121", "permissionSet", "UserAccess");
        HttpResponse<String> page = admin.get(Browser.location(assigned));
        HttpResponse<String> account = admin.get("/admin/accounts/212121212121");
        Browser ula = server.newBrowser();
        ula.signIn("ula.user", "/start");
        HttpResponse<String> removed = submit(admin, "/admin/users/ula.user/assignments/remove",
                "account", Browser.hidden(page, "account"), "permissionSet", Browser.hidden(page, "permissionSet"));

        assertThat(before.body()).contains("<option value=\"212121212121\">UserAssigned</option>",
                "<option value=\"UserAccess\"></option>");
        assertThat(Html.attribute(before.body(), "assign-to-user", "action"))
                .isEqualTo("/admin/users/ula.user/assignments#assign-to-user");
        assertThat(Browser.location(assigned)).isEqualTo("/admin/users/ula.user?notice=assigned");
        assertThat(page.body()).contains("id=\"user-assignments\"", ">UserAssigned</a>", ">UserAccess</a>");
        assertThat(account.body()).contains("href=\"/admin/users/ula.user\"");
        assertThat(events("CreateAccountAssignment")).anySatisfy(e -> {
            assertThat(e.userName()).isEqualTo(ADMIN);
            assertThat(e.requestParameters()).containsEntry("principalName", "ula.user")
                    .containsEntry("principalType", "USER");
        });
        assertThat(Browser.location(removed)).isEqualTo("/admin/users/ula.user?notice=unassigned");
        assertThat(text(admin.get(Browser.location(removed)), "notice"))
                .isEqualTo("The assignment was removed. Sessions that relied on it were ended.");
        assertThat(server.services.core().accessModel().assignments("212121212121")).isEmpty();
        assertThat(ula.get("/start").statusCode()).isEqualTo(303);
        assertThat(events("DeleteAccountAssignment")).anySatisfy(e -> {
            assertThat(e.userName()).isEqualTo(ADMIN);
            assertThat(e.requestParameters()).containsEntry("principalName", "ula.user");
        });
    }

    @Test
    void onlyDirectAssignmentsCanBeRemovedFromTheUsersPage() {
        accountAndPermissionSet("232323232323", "Mixed", "DirectAccess");
        server.services.core().accessModel().createPermissionSet(new NewPermissionSet("ThroughGroupAccess", null,
                "PT1H",
                List.of("ReadOnlyAccess"), null, null, null, Map.of()), Actor.administratorCli(), SETUP);
        server.createUser("mo.mixed");
        server.services.core().identityStore().createGroup("MixedGroup", null, Actor.administratorCli(), SETUP);
        server.services.core().identityStore().addMember("MixedGroup", "mo.mixed", Actor.administratorCli(), SETUP);
        server.services.core().accessModel().assign("232323232323", "DirectAccess", PrincipalType.USER, "mo.mixed",
                Actor.administratorCli(), SETUP);
        server.services.core().accessModel().assign("232323232323", "ThroughGroupAccess", PrincipalType.GROUP,
                "MixedGroup", Actor.administratorCli(), SETUP);

        HttpResponse<String> page = admin().get("/admin/users/mo.mixed");

        assertThat(page.body()).contains(">ThroughGroupAccess</a>", "href=\"/admin/groups/MixedGroup\"");
        assertThat(page.body().split("action=\"/admin/users/mo.mixed/assignments/remove\"", -1)).hasSize(2);
        assertThat(Browser.hidden(page, "permissionSet")).isEqualTo("DirectAccess");
    }

    @Test
    void assignWhenAccountOrPermissionSetUnknownOrAlreadyAssignedThenErrorBesideThatField() {
        accountAndPermissionSet("242424242424", "UserErrors", "UserErrorAccess");
        server.createUser("eve.errors");
        server.services.core().accessModel().assign("242424242424", "UserErrorAccess", PrincipalType.USER, "eve.errors",
                Actor.administratorCli(), SETUP);
        Browser admin = admin();

        HttpResponse<String> unknownAccount = submit(admin, "/admin/users/eve.errors/assignments",
                "account", "Nowhere", "permissionSet", "UserErrorAccess");
        HttpResponse<String> unknownSet = submit(admin, "/admin/users/eve.errors/assignments",
                "account", "UserErrors", "permissionSet", "NoSuchSet");
        HttpResponse<String> again = submit(admin, "/admin/users/eve.errors/assignments",
                "account", "242424242424", "permissionSet", "UserErrorAccess");

        assertThat(unknownAccount.statusCode()).isEqualTo(400);
        assertThat(text(unknownAccount, "account-error")).isEqualTo("Account 'Nowhere' does not exist");
        assertThat(Html.attribute(unknownAccount.body(), "account", "value")).isEqualTo("Nowhere");
        assertThat(unknownSet.statusCode()).isEqualTo(400);
        assertThat(text(unknownSet, "permissionSet-error")).isEqualTo("Permission set 'NoSuchSet' does not exist");
        assertThat(Html.attribute(unknownSet.body(), "permissionSet", "aria-invalid")).isEqualTo("true");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(text(again, "permissionSet-error"))
                .isEqualTo("UserErrorAccess is already assigned to the user eve.errors in account 242424242424");
        assertThat(server.services.core().accessModel().assignments("242424242424")).hasSize(1);
    }

    @Test
    void assignOrRemoveWithoutCsrfTokenIsRefusedAndNothingChanges() {
        accountAndPermissionSet("252525252525", "UserCsrf", "UserCsrfAccess");
        server.createUser("cy.csrf");
        server.createUser("cy.kept");
        server.services.core().accessModel().assign("252525252525", "UserCsrfAccess", PrincipalType.USER, "cy.kept",
                Actor.administratorCli(), SETUP);
        Browser admin = admin();

        HttpResponse<String> assign = admin.post("/admin/users/cy.csrf/assignments",
                Browser.form("account", "252525252525", "permissionSet", "UserCsrfAccess"));
        HttpResponse<String> remove = admin.post("/admin/users/cy.kept/assignments/remove",
                Browser.form("account", "252525252525", "permissionSet", "UserCsrfAccess"));

        assertThat(assign.statusCode()).isEqualTo(403);
        assertThat(remove.statusCode()).isEqualTo(403);
        assertThat(server.services.core().accessModel().assignments("252525252525")).singleElement()
                .satisfies(a -> assertThat(a.principalId()).isEqualTo(
                        server.services.core().identityStore().user("cy.kept").userId()));
    }

    @Test
    void userNamesThatAreNotPlainPathSegmentsStillHaveTheirPages() {
        server.createUser("odd/name?x");
        Browser admin = admin();

        HttpResponse<String> list = admin.get("/admin/users?search=odd");

        assertThat(list.body()).contains("href=\"/admin/users/odd%2Fname%3Fx\"");
        assertThat(text(admin.get("/admin/users/odd%2Fname%3Fx"), "user-email")).isEqualTo("odd/name?x@example.com");
    }
}
