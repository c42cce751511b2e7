package dev.gatehouse.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.mfa.Base32;
import dev.gatehouse.core.mfa.Totp;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * MFA with the real default settings (always; a user without a device enrols one at sign-in), as a person meets it
 * in Chromium: ed activates, signs in, is made to add an authenticator app before the session starts, signs in again
 * with a code; then a device-code approval and a PKCE consent, each in a fresh browser, ask for the code first. The
 * test plays the app: it reads the secret from the page and computes the codes, stepping the clock between them so
 * that each is a fresh code rather than a replay.
 */
@ExtendWith(ChromiumInstalled.class)
class MfaEnrolmentInChromiumTest {

    private static final String ED = "ed.developer";
    private static final String PASSWORD = "Corr3ct-Horse-Battery!";
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final RequestContext SETUP = RequestContext.commandLine("it-setup");

    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.startingNow();
    private RunningGatehouse gatehouse;
    private DeviceLogin device;

    @BeforeEach
    void start() {
        gatehouse = RunningGatehouse.onH2WithDefaultMfa(dataDir, clock);
        gatehouse.services().core().identityStore().createUser(new NewUser(ED, null, "Ed", "Developer", "ed@example.com",
                false), Entitlement.ADMIN, SETUP);
        device = new DeviceLogin(gatehouse);
    }

    @AfterEach
    void stop() throws Exception {
        device.close();
        gatehouse.close();
    }

    @Test
    void newUserEnrolsAnAppAtFirstSignInAndEveryWayInAsksForItsCode() {
        byte[] secret;
        try (Chromium ed = Chromium.start("mfa-enrolment")) {
            ed.open(gatehouse.baseUrl() + "/activate?token="
                    + gatehouse.services().core().activations().issue(ED, Entitlement.ADMIN, SETUP));
            ed.fill("password", PASSWORD);
            ed.fill("confirm", PASSWORD);
            ed.press("Set password");

            signIn(ed, gatehouse.baseUrl() + "/start");
            assertThat(ed.title()).startsWith("Add an authenticator app");
            assertThat(ed.currentUrl()).contains("/start/mfa/app");
            ed.press("Show the QR code");
            assertThat(ed.element(By.cssSelector("svg.qr-code")).isDisplayed()).isTrue();
            ed.screenshot("enrol-at-first-sign-in");
            ed.phoneSized();
            assertThat(ed.fitsTheWidth()).as("the QR code and the key fit a phone's width").isTrue();
            ed.screenshot("enrol-on-a-phone");
            ed.desktopSized();
            secret = Base32.decode(ed.textOf("secret-key").replace(" ", ""));
            ed.fill("name", "Ed's phone");
            ed.fill("code", code(secret));
            ed.press("Add app and sign in");
            assertThat(ed.pageText()).contains("Signed in as " + ED);
            ed.screenshot("signed-in-after-enrolment");

            ed.press("Sign out");
            clock.advance(STEP);
            signIn(ed, gatehouse.baseUrl() + "/start");
            assertThat(ed.title()).startsWith("Multi-factor authentication");
            ed.screenshot("asked-for-the-code");
            ed.fill("code", code(secret));
            ed.press("Verify");
            assertThat(ed.pageText()).contains("Signed in as " + ED);
        }

        RegisterClientResponse client = device.registerClient();
        StartDeviceAuthorizationResponse started = device.startDeviceAuthorization(client);
        try (Chromium approver = Chromium.start("mfa-device-approval")) {
            signIn(approver, gatehouse.baseUrl() + "/device?user_code=" + started.userCode());
            assertThat(approver.title()).startsWith("Multi-factor authentication");
            approver.screenshot("device-asks-for-the-code");
            clock.advance(STEP);
            approver.fill("code", code(secret));
            approver.press("Verify");
            assertThat(approver.pageText()).contains(started.userCode(), DeviceLogin.CLIENT_NAME);
            approver.press("Approve");
            assertThat(approver.title()).startsWith("Request approved");
            approver.screenshot("device-approved");
        }
        assertThat(device.createTokenAfterInterval(client, started).accessToken()).isNotBlank();

        try (Chromium consenting = Chromium.start("mfa-pkce-consent")) {
            signIn(consenting, gatehouse.baseUrl() + authorizePath(registerPkceClient()));
            assertThat(consenting.title()).startsWith("Multi-factor authentication");
            consenting.screenshot("pkce-asks-for-the-code");
            clock.advance(STEP);
            consenting.fill("code", code(secret));
            consenting.press("Verify");
            assertThat(consenting.title()).startsWith("Allow this sign-in?");
            consenting.screenshot("pkce-consent");
            consenting.press("Allow");
            consenting.awaitUrl(url -> url.startsWith("http://127.0.0.1:53219/oauth/callback?code="));
        }
    }

    /** Opens {@code url}, which sends the browser to sign in first, and gives the password. */
    private static void signIn(Chromium chromium, String url) {
        chromium.open(url);
        chromium.fill("username", ED);
        chromium.fill("password", PASSWORD);
        chromium.press("Sign in");
    }

    /** What the authenticator app shows now. */
    private String code(byte[] secret) {
        return Totp.STANDARD.code(secret, clock.instant());
    }

    private String registerPkceClient() {
        return gatehouse.services().core().clients().register(new ClientRegistrations.Request("botocore-client-mfa",
                "public", List.of("sso:account:access"), List.of("authorization_code", "refresh_token"),
                List.of("http://127.0.0.1/oauth/callback"), gatehouse.services().instance().portalUrl()),
                SETUP).client().clientId();
    }

    /** As the AWS CLI opens it; the challenge is S256 of a verifier this test never needs. */
    private static String authorizePath(String clientId) {
        return "/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A53219%2Foauth%2Fcallback&state=mfa-state"
                + "&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    }
}
