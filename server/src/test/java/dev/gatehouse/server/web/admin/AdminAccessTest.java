package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.IdentityStoreService.UserChanges;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.server.web.Browser;
import dev.gatehouse.server.web.WebTestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminAccessTest extends ServerWithAdmin {

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/users", "/admin/users/ed.developer", "/admin/groups",
            "/admin/accounts", "/admin/permission-sets", "/admin/events?user=ed.developer"})
    void pageWhenSignedOutThenRedirectedToSignInAndBack(String path) {
        HttpResponse<String> response = server.newBrowser().get(path);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(Browser.location(response)).isEqualTo("/signin?next=" + path);
    }

    @Test
    void signingInFromTheRedirectLandsOnTheConsole() {
        Browser browser = server.newBrowser();
        String next = Browser.location(browser.get("/admin/users")).substring("/signin?next=".length());

        HttpResponse<String> signedIn = browser.signIn(ADMIN, next);

        assertThat(Browser.location(signedIn)).isEqualTo("/admin/users");
        assertThat(browser.get("/admin/users").body()).contains("<h1>Users</h1>");
    }

    @Test
    void formPostedWhenSignedOutThenRedirectedToSignInAndNothingChanges() {
        HttpResponse<String> response = server.newBrowser().post("/admin/groups",
                Browser.form("displayName", "Signed-out", "csrf", "whatever"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(Browser.location(response)).isEqualTo("/signin?next=/admin");
        assertThat(server.services.store().groups().findByDisplayName("Signed-out")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/users", "/admin/users/ann.admin", "/admin/events"})
    void pageWhenSignedInButNotAdministratorThenForbiddenPage(String path) {
        Browser ed = server.newBrowser();
        ed.signIn(DEVELOPER, "/start");

        HttpResponse<String> response = ed.get(path);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("The admin console is for administrators")
                .doesNotContain("ann.admin@example.com");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void formWhenPostedByNonAdministratorThenForbiddenAndNothingChanges() {
        Browser ed = server.newBrowser();
        ed.signIn(DEVELOPER, "/start");
        String csrf = Browser.hidden(ed.get("/start"), "csrf");

        HttpResponse<String> response = ed.post("/admin/groups", Browser.form("displayName", "Edsgroup",
                "csrf", csrf));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.services.store().groups().findByDisplayName("Edsgroup")).isEmpty();
    }

    @Test
    void formWhenCsrfTokenMissingOrWrongThenRefusedAndNothingChanges() {
        Browser admin = admin();

        HttpResponse<String> missing = admin.post("/admin/groups", Browser.form("displayName", "NoToken"));
        HttpResponse<String> wrong = admin.post("/admin/groups", Browser.form("displayName", "NoToken",
                "csrf", "x".repeat(43)));
        HttpResponse<String> otherSession = admin.post("/admin/users/ed.developer/disable", Browser.form(
                "csrf", Browser.hidden(otherAdminSession(), "csrf")));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(otherSession.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("The form has expired");
        assertThat(server.services.store().groups().findByDisplayName("NoToken")).isEmpty();
        assertThat(server.services.core().identityStore().user(DEVELOPER).enabled()).isTrue();
    }

    /** A page of a second sign-in of the same administrator: its token belongs to that other session. */
    private static HttpResponse<String> otherAdminSession() {
        return admin().get("/admin");
    }

    @Test
    void administratorFlagTakenAwayThenTheNextRequestIsForbidden() {
        createActiveUser(server, "temp.admin", true);
        Browser browser = server.newBrowser();
        browser.signIn("temp.admin", "/admin");
        assertThat(browser.get("/admin").statusCode()).isEqualTo(200);

        User user = server.services.core().identityStore().user("temp.admin");
        server.services.core().identityStore().updateUser("temp.admin", new UserChanges(user.displayName(),
                user.givenName(), user.familyName(), user.email(), false), Actor.administratorCli(), SETUP);

        assertThat(browser.get("/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void memberOfTheConfiguredAdminGroupMayUseTheConsoleUntilRemoved(@TempDir Path groupDataDir) {
        try (WebTestServer withGroup = WebTestServer.withAdminGroup(groupDataDir, "Platform Team")) {
            withGroup.createActiveUser("pat.platform");
            withGroup.services.core().identityStore().createGroup("Platform Team", null, Actor.administratorCli(), SETUP);
            Browser pat = withGroup.newBrowser();
            pat.signIn("pat.platform", "/start");
            assertThat(pat.get("/admin").statusCode()).isEqualTo(403);

            withGroup.services.core().identityStore().addMember("platform team", "pat.platform", Actor.administratorCli(),
                    SETUP);
            HttpResponse<String> asMember = pat.get("/admin");
            HttpResponse<String> portalAsMember = pat.get("/start");
            withGroup.services.core().identityStore().removeMember("Platform Team", "pat.platform",
                    Actor.administratorCli(), SETUP);

            assertThat(asMember.statusCode()).isEqualTo(200);
            assertThat(portalAsMember.body()).contains("<a href=\"/admin\">Admin console</a>");
            // Removal from the group also ended pat's sessions, so this browser is sent to sign in again.
            assertThat(pat.get("/admin").statusCode()).isEqualTo(303);
            pat.signIn("pat.platform", "/admin");
            assertThat(pat.get("/admin").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void consoleFormsAreAuditedWithTheAdministratorAsActor() {
        HttpResponse<String> created = submit(admin(), "/admin/groups", "displayName", "Audited",
                "description", "");

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(events("CreateGroup")).filteredOn(e -> "Audited".equals(e.requestParameters().get("displayName")))
                .singleElement().satisfies(event -> {
                    assertThat(event.userName()).isEqualTo(ADMIN);
                    assertThat(event.userIdentity()).containsEntry("type", "IdentityCenterUser");
                    assertThat(event.sourceIpAddress()).isEqualTo("127.0.0.1");
                    assertThat(event.requestId()).isEqualTo(created.headers().firstValue("x-amzn-RequestId")
                            .orElseThrow());
                });
    }
}
