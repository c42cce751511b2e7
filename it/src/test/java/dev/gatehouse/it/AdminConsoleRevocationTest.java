package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.User;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * An administrator ends a developer's CLI session in the admin console, and the developer's very next
 * GetRoleCredentials and GetCallerIdentity fail: the console's revocation is the same as core's everywhere else.
 */
class AdminConsoleRevocationTest {

    private static final String ADMIN = "ann.admin";
    private static final String ADMIN_PASSWORD = "Adm1n-Passw0rd!";

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private DeviceLogin login;
    private Entitlement ed;
    private DeviceLogin.LoggedIn loggedIn;
    private RoleCredentials credentials;
    private Browser admin;

    @BeforeEach
    void developerIsLoggedInAtTheCliAndAnAdministratorAtTheConsole() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        login = new DeviceLogin(gatehouse);
        ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        People.createActive(gatehouse.services(), new NewUser(ADMIN, null, "Ann", "Admin", "ann@example.com", true),
                ADMIN_PASSWORD);
        loggedIn = login.logIn(ed);
        credentials = login.roleCredentials(loggedIn.accessToken(), ed);
        assertThat(login.callerIdentity(credentials).arn()).endsWith("/ed.developer");
        admin = new Browser(gatehouse.baseUrl());
        admin.signIn(ADMIN, ADMIN_PASSWORD, "/admin");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            login.close();
        } finally {
            gatehouse.close();
        }
    }

    @Test
    void whenAdministratorEndsTheCliSessionThenTheNextCredentialAndCallerIdentityCallsFail() {
        Browser.Page userPage = admin.get("/admin/users/ed.developer");
        String cliSession = sessionIdOfRowNaming(userPage, DeviceLogin.CLIENT_NAME);

        Browser.Page revoked = admin.post("/admin/users/ed.developer/sessions/revoke",
                Map.of("sessionId", cliSession, "csrf", userPage.csrf()));

        assertThat(revoked.status()).as("revoke answer:%n%s", revoked.html()).isEqualTo(303);
        assertCutOff();
        // Only that session ended: the browser session in which Ed approved the login is still there.
        User edUser = gatehouse.services().core().identityStore().user(ed.userName());
        assertThat(gatehouse.services().core().sessions().activeSessionsOf(edUser.userId())).singleElement()
                .satisfies(s -> assertThat(s.clientName()).isNull());
    }

    @Test
    void whenAdministratorEndsAllSessionsThenTheNextCredentialAndCallerIdentityCallsFail() {
        Browser.Page userPage = admin.get("/admin/users/ed.developer");

        Browser.Page revoked = admin.post("/admin/users/ed.developer/sessions/revoke-all",
                Map.of("csrf", userPage.csrf()));

        assertThat(revoked.status()).as("revoke-all answer:%n%s", revoked.html()).isEqualTo(303);
        assertCutOff();
        User edUser = gatehouse.services().core().identityStore().user(ed.userName());
        assertThat(gatehouse.services().core().sessions().activeSessionsOf(edUser.userId())).isEmpty();
    }

    private void assertCutOff() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(catchThrowable(() -> login.roleCredentials(loggedIn.accessToken(), ed)))
                .as("GetRoleCredentials with the access token must be refused (null: it answered)")
                .isInstanceOf(UnauthorizedException.class);
        softly.assertThat(catchThrowable(() -> login.callerIdentity(credentials)))
                .as("GetCallerIdentity with the role credentials must be refused (null: it answered)")
                .isInstanceOfSatisfying(StsException.class, e -> {
                    softly.assertThat(e.statusCode()).isEqualTo(403);
                    softly.assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                });
        softly.assertAll();
    }

    /** The session id in the table row whose "signed in with" cell names the client. */
    private static String sessionIdOfRowNaming(Browser.Page page, String clientName) {
        Matcher row = Pattern.compile("<td>" + Pattern.quote(clientName)
                + "</td>.*?<input type=\"hidden\" name=\"sessionId\" value=\"([^\"]+)\">", Pattern.DOTALL)
                .matcher(page.html());
        assertThat(row.find()).as("a session row for %s in:%n%s", clientName, page.html()).isTrue();
        return row.group(1);
    }
}
