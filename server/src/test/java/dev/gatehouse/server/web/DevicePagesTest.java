package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.oidc.DeviceAuthorizations.Started;
import dev.gatehouse.core.oidc.DeviceStatus;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevicePagesTest extends ServerWithEd {

    private static final String CLIENT = "botocore-client-my-sso";

    @Test
    void deviceWhenAnonymousThenRedirectsToSignInWithTheWholeDeviceUrl() {
        Started started = server.startDeviceAuthorization(CLIENT);

        HttpResponse<String> response = server.newBrowser().get(completePath(started));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/signin?next=/device?user_code=" + started.userCode());
    }

    @Test
    void deviceWhenAnonymousFollowsSignInBackToTheConfirmation() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = server.newBrowser();
        HttpResponse<String> signInPage = browser.open(completePath(started));

        HttpResponse<String> signedIn = browser.post("/signin", form("username", "ed.developer",
                "password", WebTestServer.PASSWORD, "next", hidden(signInPage, "next"),
                "csrf", hidden(signInPage, "csrf")));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(location(signedIn)).isEqualTo(completePath(started));
        assertThat(browser.get(location(signedIn)).body()).contains(started.userCode(), CLIENT);
    }

    @Test
    void devicePrefilledLinkShowsCodeClientNameAndExpiry() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();

        HttpResponse<String> page = browser.get(completePath(started));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"user-code\">" + started.userCode() + "<", CLIENT,
                "in 10 minutes", "action=\"/device/decision\"", "value=\"approve\"", "value=\"deny\"");
        assertThat(hidden(page, "user_code")).isEqualTo(started.userCode());
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.PENDING);
    }

    @Test
    void deviceWithoutCodeShowsTheEntryForm() {
        HttpResponse<String> page = signedIn().get("/device");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"user_code\">", "name=\"user_code\"", "action=\"/device\"");
    }

    @Test
    void deviceTypedCodeShowsTheConfirmation() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();
        HttpResponse<String> entry = browser.get("/device");

        HttpResponse<String> page = browser.post("/device", form("user_code",
                started.userCode().toLowerCase().replace("-", ""), "csrf", hidden(entry, "csrf")));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(started.userCode(), CLIENT);
    }

    @Test
    void deviceApproveMarksTheAuthorizationApproved() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();
        HttpResponse<String> page = browser.get(completePath(started));

        HttpResponse<String> done = decide(browser, page, "approve");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Request approved — you can close this window and return to your device");
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.APPROVED);
    }

    @Test
    void deviceDenyMarksTheAuthorizationDenied() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();
        HttpResponse<String> page = browser.get(completePath(started));

        HttpResponse<String> done = decide(browser, page, "deny");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Request denied");
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.DENIED);
    }

    @Test
    void deviceWhenCodeWrongThenEntryFormWithCoresMessageAndNothingApproved() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();
        HttpResponse<String> entry = browser.get("/device");
        String csrf = hidden(entry, "csrf");

        HttpResponse<String> typed = browser.post("/device", form("user_code", "ZZZZ-ZZZZ", "csrf", csrf));
        HttpResponse<String> decided = browser.post("/device/decision",
                form("user_code", "ZZZZ-ZZZZ", "decision", "approve", "csrf", csrf));

        for (HttpResponse<String> response : List.of(typed, decided)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("That code is not valid.", "name=\"user_code\"");
        }
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.PENDING);
    }

    @Test
    void deviceWhenCodeMalformedInTheLinkThenEntryFormWithError() {
        HttpResponse<String> page = signedIn().get("/device?user_code=%3Cscript%3E");

        assertThat(page.statusCode()).isEqualTo(400);
        // Inside a quoted attribute only "<", "&" and quotes need escaping; ">" is harmless there.
        assertThat(page.body()).contains("That code is not valid.", "value=\"&lt;script>\"")
                .doesNotContain("<script>");
    }

    @Test
    void deviceWhenCodeExpiredThenErrorAndNothingApproved() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();
        HttpResponse<String> page = browser.get(completePath(started));

        server.clock.advance(Duration.ofMinutes(11));
        HttpResponse<String> decided = decide(browser, page, "approve");

        assertThat(decided.statusCode()).isEqualTo(400);
        assertThat(decided.body()).contains("This code has expired.");
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.PENDING);
    }

    @Test
    void deviceWhenAlreadyApprovedThenSecondDecisionRefused() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();
        HttpResponse<String> page = browser.get(completePath(started));
        decide(browser, page, "approve");

        HttpResponse<String> again = decide(browser, page, "deny");

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.APPROVED);
    }

    @Test
    void deviceDecisionWhenNeitherApproveNorDenyThenNothingChanges() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();
        HttpResponse<String> page = browser.get(completePath(started));

        HttpResponse<String> response = decide(browser, page, "maybe");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.PENDING);
    }

    @Test
    void deviceDecisionWhenCsrfWrongThenForbiddenAndStillPending() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();
        browser.get(completePath(started));

        HttpResponse<String> response = browser.post("/device/decision",
                form("user_code", started.userCode(), "decision", "approve", "csrf", "forged"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("The form has expired. Reload the page and try again.");
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.PENDING);
    }

    @Test
    void deviceDecisionWhenCsrfMissingThenForbiddenAndStillPending() {
        Started started = server.startDeviceAuthorization(CLIENT);
        Browser browser = signedIn();

        HttpResponse<String> response = browser.post("/device/decision",
                form("user_code", started.userCode(), "decision", "approve"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.PENDING);
    }

    @Test
    void deviceDecisionWithAnotherSessionsCsrfIsForbidden() {
        Started started = server.startDeviceAuthorization(CLIENT);
        String otherSessionsToken = hidden(signedIn().get(completePath(started)), "csrf");
        Browser browser = signedIn();

        HttpResponse<String> response = browser.post("/device/decision",
                form("user_code", started.userCode(), "decision", "approve", "csrf", otherSessionsToken));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.PENDING);
    }

    @Test
    void deviceDecisionWhenAnonymousThenRedirectedToSignInAndNothingApproved() {
        Started started = server.startDeviceAuthorization(CLIENT);

        HttpResponse<String> response = server.newBrowser().post("/device/decision",
                form("user_code", started.userCode(), "decision", "approve", "csrf", "anything"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/signin?next=/device?user_code=" + started.userCode());
        assertThat(server.deviceStatus(started.userCode())).isEqualTo(DeviceStatus.PENDING);
    }

    @Test
    void deviceEntryPostWhenAnonymousThenRedirectedToSignInWithTheCodePrefilled() {
        HttpResponse<String> response = server.newBrowser().post("/device",
                form("user_code", "bcdf ghjk", "csrf", "anything"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/signin?next=/device?user_code=BCDF-GHJK");
    }

    private static HttpResponse<String> decide(Browser browser, HttpResponse<String> confirmation, String decision) {
        return browser.post("/device/decision", form("user_code", hidden(confirmation, "user_code"),
                "decision", decision, "csrf", hidden(confirmation, "csrf")));
    }

    private static Browser signedIn() {
        Browser browser = server.newBrowser();
        assertThat(browser.signIn("ed.developer", "/start").statusCode()).isEqualTo(303);
        return browser;
    }

    /** The path and query of the verificationUriComplete the device was given. */
    private static String completePath(Started started) {
        URI uri = URI.create(started.verificationUriComplete());
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
