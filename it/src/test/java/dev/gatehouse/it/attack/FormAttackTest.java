package dev.gatehouse.it.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.session.SessionService.ActiveSession;
import dev.gatehouse.it.Browser;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.People;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.server.Services;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Forms attacked from another user's session and from another site. A device code is bound to no one until it is
 * approved, so the attack on it is mixing two people's sessions: Mallory, signed in herself, posts with Ed's CSRF
 * token, or Ed's browser is made to post with Mallory's. Both are refused and the code stays pending; a code
 * Mallory approves gives Mallory's tokens, never Ed's.
 */
class FormAttackTest {

    private static final String MALLORY = "mallory";
    private static final String MALLORY_PASSWORD = "Mall0ry-Knows-Things";
    private static final String MALLORY_ACCOUNT = "444455556666";
    private static final String ADMIN = "ann.admin";
    private static final String ADMIN_PASSWORD = "Adm1n-Passw0rd!";
    /** What a browser adds to a form another site's page posts to us. */
    private static final Map<String, String> CROSS_SITE = Map.of("Origin", "https://evil.example",
            "Sec-Fetch-Site", "cross-site");

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private DeviceLogin login;
    private Entitlement ed;

    @BeforeEach
    void edMalloryAndAnAdministrator() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        login = new DeviceLogin(gatehouse);
        ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        Services services = gatehouse.services();
        RequestContext context = RequestContext.commandLine("it-admin");
        createUser(MALLORY, MALLORY_PASSWORD, false);
        services.core().accessModel().createAccount(MALLORY_ACCOUNT, "Sandbox", "aws+sandbox@example.com", Entitlement.ADMIN,
                context);
        services.core().accessModel().assign(MALLORY_ACCOUNT, ed.roleName(), PrincipalType.USER, MALLORY, Entitlement.ADMIN,
                context);
        createUser(ADMIN, ADMIN_PASSWORD, true);
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
    void whenSessionAndCsrfTokenBelongToDifferentPeopleThenTheDecisionIsRefusedAndTheCodeStaysPending() {
        RegisterClientResponse client = login.registerClient();
        StartDeviceAuthorizationResponse device = login.startDeviceAuthorization(client);
        Browser edBrowser = browser();
        Browser.Page edConfirmation = login.signInAndOpen(ed, edBrowser, device.userCode());
        Browser mallory = browser();
        mallory.signIn(MALLORY, MALLORY_PASSWORD, "/device?user_code=" + device.userCode());
        Browser.Page malloryConfirmation = mallory.openDevicePage(device.userCode());

        Browser.Page malloryWithEdsToken = mallory.decide(edConfirmation, device.userCode(), "approve");
        Browser.Page edWithMallorysToken = edBrowser.decide(malloryConfirmation, device.userCode(), "approve");

        assertThat(malloryWithEdsToken.status()).as("Mallory's session, Ed's token:%n%s", malloryWithEdsToken.html())
                .isEqualTo(403);
        assertThat(edWithMallorysToken.status()).as("Ed's session, Mallory's token:%n%s", edWithMallorysToken.html())
                .isEqualTo(403);
        assertThatThrownBy(() -> login.createTokenAfterInterval(client, device))
                .isInstanceOf(AuthorizationPendingException.class);
    }

    @Test
    void whenMalloryApprovesWithHerOwnSessionThenTheTokensAreMallorysNeverEds() {
        RegisterClientResponse client = login.registerClient();
        StartDeviceAuthorizationResponse device = login.startDeviceAuthorization(client);
        // Ed opened the page too, so both sessions are live when Mallory answers.
        login.signInAndOpen(ed, browser(), device.userCode());
        Browser mallory = browser();
        mallory.signIn(MALLORY, MALLORY_PASSWORD, "/device?user_code=" + device.userCode());

        Browser.Page decided = mallory.decide(mallory.openDevicePage(device.userCode()), device.userCode(),
                "approve");

        assertThat(decided.status()).as("Mallory's own approval:%n%s", decided.html()).isEqualTo(200);
        CreateTokenResponse tokens = login.createTokenAfterInterval(client, device);
        assertThat(login.sso().listAccounts(r -> r.accessToken(tokens.accessToken())).accountList())
                .singleElement().satisfies(account -> assertThat(account.accountId()).isEqualTo(MALLORY_ACCOUNT));
        RoleCredentials credentials = login.sso().getRoleCredentials(r -> r.accessToken(tokens.accessToken())
                .accountId(MALLORY_ACCOUNT).roleName(ed.roleName())).roleCredentials();
        assertThat(login.callerIdentity(credentials).arn()).endsWith("/" + MALLORY);
        assertThat(catchThrowable(() -> login.roleCredentials(tokens.accessToken(), ed)))
                .as("Ed's role with Mallory's token must be refused (null: it answered)")
                .isInstanceOf(SsoException.class);
    }

    @Test
    void whenAnotherSitePostsTheSignInFormThenItIsRefusedAndNoSessionStarts() {
        Browser victim = browser();
        Map<String, String> signIn = Map.of("username", ed.userName(), "password", ed.password(), "next", "/start");

        HttpResponse<String> withoutToken = victim.post("/signin", signIn, CROSS_SITE);
        HttpResponse<String> withStaleToken = victim.post("/signin", withCsrf(signIn, staleToken()), CROSS_SITE);

        assertThat(withoutToken.statusCode()).as("no token:%n%s", withoutToken.body()).isEqualTo(403);
        assertThat(withStaleToken.statusCode()).as("stale token:%n%s", withStaleToken.body()).isEqualTo(403);
        assertThat(withoutToken.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("gatehouse_session="));
        assertThat(withStaleToken.headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("gatehouse_session="));
        assertThat(sessionsOf(ed.userName())).isEmpty();
    }

    @Test
    void whenAnotherSitePostsTheDeviceDecisionThenItIsRefusedAndTheCodeStaysPending() {
        RegisterClientResponse client = login.registerClient();
        StartDeviceAuthorizationResponse device = login.startDeviceAuthorization(client);
        Browser edBrowser = browser();
        login.signInAndOpen(ed, edBrowser, device.userCode());
        Map<String, String> approve = Map.of("user_code", device.userCode(), "decision", "approve");

        assertRefused(edBrowser.post("/device/decision", approve, CROSS_SITE));
        assertRefused(edBrowser.post("/device/decision", withCsrf(approve, staleToken()), CROSS_SITE));

        assertThatThrownBy(() -> login.createTokenAfterInterval(client, device))
                .isInstanceOf(AuthorizationPendingException.class);
    }

    @Test
    void whenAnotherSitePostsTheRevokeFormThenItIsRefusedAndTheSessionLives() {
        Browser edBrowser = browser();
        edBrowser.signIn(ed.userName(), ed.password(), "/start/sessions");
        String sessionId = sessionsOf(ed.userName()).getFirst().session().sessionId();
        Map<String, String> revoke = Map.of("session_id", sessionId);

        assertRefused(edBrowser.post("/start/sessions/revoke", revoke, CROSS_SITE));
        assertRefused(edBrowser.post("/start/sessions/revoke", withCsrf(revoke, staleToken()), CROSS_SITE));

        assertThat(sessionsOf(ed.userName())).extracting(s -> s.session().sessionId()).contains(sessionId);
        assertThat(edBrowser.get("/start/sessions").status()).isEqualTo(200);
    }

    @Test
    void whenAnotherSitePostsTheNewUserFormThenItIsRefusedAndNoUserIsMade() {
        Browser admin = browser();
        admin.signIn(ADMIN, ADMIN_PASSWORD, "/admin");
        Map<String, String> newUser = Map.of("userName", "eve.intruder", "givenName", "Eve", "familyName", "Intruder",
                "email", "eve@evil.example", "administrator", "on");

        assertRefused(admin.post("/admin/users", newUser, CROSS_SITE));
        assertRefused(admin.post("/admin/users", withCsrf(newUser, staleToken()), CROSS_SITE));

        assertThatThrownBy(() -> gatehouse.services().core().identityStore().user("eve.intruder"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void sessionAndCsrfCookiesCarryTheDocumentedAttributes() {
        Browser browser = browser();
        HttpResponse<String> form = browser.getResponse("/signin?next=%2Fstart");
        Browser.Page page = new Browser.Page(form.statusCode(), null, form.body());

        HttpResponse<String> signedIn = browser.post("/signin", Map.of("username", ed.userName(),
                "password", ed.password(), "next", "/start", "csrf", page.csrf()), Map.of());

        assertThat(signedIn.statusCode()).as("sign-in:%n%s", signedIn.body()).isEqualTo(303);
        // Over plain http (the tests' public URL) there is no Secure; behind https there is (CookieWriter).
        assertThat(cookie(form, "gatehouse_csrf"))
                .contains("; HttpOnly").contains("; SameSite=Strict").doesNotContain("Secure");
        assertThat(cookie(signedIn, "gatehouse_session"))
                .contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Secure");
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie set in "
                        + response.headers().allValues("Set-Cookie")));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("cross-site post:%n%s", response.body()).isEqualTo(403);
    }

    /** A well-formed token from a session that is not the one posting: Mallory's, read off her own page. */
    private String staleToken() {
        Browser mallory = browser();
        mallory.signIn(MALLORY, MALLORY_PASSWORD, "/start/sessions");
        return mallory.get("/start/sessions").csrf();
    }

    private static Map<String, String> withCsrf(Map<String, String> form, String token) {
        Map<String, String> withToken = new java.util.HashMap<>(form);
        withToken.put("csrf", token);
        return withToken;
    }

    private List<ActiveSession> sessionsOf(String userName) {
        Services services = gatehouse.services();
        return services.core().sessions().activeSessionsOf(services.core().identityStore().user(userName).userId());
    }

    private Browser browser() {
        return new Browser(gatehouse.baseUrl());
    }

    private void createUser(String userName, String password, boolean administrator) {
        People.createActive(gatehouse.services(), new NewUser(userName, null, userName, "Example",
                userName + "@example.com", administrator), password);
    }
}
