package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.mfa.Base32;
import dev.gatehouse.core.mfa.Enrolment;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.Totp;
import dev.gatehouse.core.testing.SoftwareAuthenticator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /start/mfa} and {@code /start/mfa/security-key}: people managing their own second factors. */
class MfaPagesTest extends ServerWithEd {

    private static final RequestContext SETUP = RequestContext.commandLine("mfa-pages-test");

    @Test
    void addSecurityKeyThenItIsListedAndCanSignIn() {
        server.createActiveUser("adds.key");
        Browser browser = signedInAs("adds.key");
        SoftwareAuthenticator key = new SoftwareAuthenticator(server.services.config().http().publicUrl());

        HttpResponse<String> added = addKey(browser, key, "Blue key");

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(location(added)).isEqualTo("/start/mfa?done=added");
        HttpResponse<String> list = browser.get(location(added));
        assertThat(list.body()).contains("<h2>Blue key</h2>", "Security key or passkey",
                "The security key was added.", "href=\"/start/mfa/app\"", "href=\"/start/mfa/security-key\"",
                "href=\"/start/mfa\" aria-current=\"page\"");
        var assertion = server.services.core().securityKeys().startAssertion(userId("adds.key"));
        assertThat(server.services.core().securityKeys().finishAssertion(userId("adds.key"), assertion.handle(),
                key.counter(1).get(assertion.optionsJson()), SETUP)).isPresent();
    }

    @Test
    void securityKeyPageCarriesTheCreationOptionsForTheScript() {
        server.createActiveUser("sees.options");
        HttpResponse<String> page = signedInAs("sees.options").get(SecurityKeyPage.PATH);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(options(page)).contains("\"rp\":{\"id\":\"localhost\"", "\"attestation\":\"none\"");
        assertThat(page.body()).contains("<label for=\"name\">Name</label>", "name=\"handle\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
    }

    @Test
    void addSecurityKeyWithoutNameThenErrorBesideTheFieldAndAFreshChallenge() {
        server.createActiveUser("no.name");
        Browser browser = signedInAs("no.name");
        SoftwareAuthenticator key = new SoftwareAuthenticator(server.services.config().http().publicUrl());

        HttpResponse<String> refused = addKey(browser, key, " ");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"", "Give the security key a name of 1 to 64 characters.");
        assertThat(options(refused)).contains("\"challenge\"");
        assertThat(server.services.core().securityKeys().list(userId("no.name"))).isEmpty();
    }

    @Test
    void addSecurityKeyFromAnotherOriginIsRefused() {
        server.createActiveUser("phished");
        Browser browser = signedInAs("phished");

        HttpResponse<String> refused = addKey(browser, new SoftwareAuthenticator("https://gatehouse.evil.example"),
                "Key");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("could not be verified");
        assertThat(server.services.core().securityKeys().list(userId("phished"))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "forged"})
    void addSecurityKeyWithoutTheFormsCsrfTokenIsRefused(String csrf) {
        String userName = "csrf.key." + (csrf == null ? "none" : csrf.isEmpty() ? "empty" : csrf);
        server.createActiveUser(userName);
        Browser browser = signedInAs(userName);
        HttpResponse<String> page = browser.get(SecurityKeyPage.PATH);
        String response = new SoftwareAuthenticator(server.services.config().http().publicUrl()).create(options(page));
        Map<String, String> fields = form("handle", hidden(page, "handle"), "name", "Key", "response", response);
        if (csrf != null) {
            fields.put("csrf", csrf);
        }

        assertThat(browser.post(SecurityKeyPage.PATH, fields).statusCode()).isEqualTo(403);
        assertThat(server.services.core().securityKeys().list(userId(userName))).isEmpty();
    }

    @Test
    void renameAndRemoveAfterConfirmation() {
        server.createActiveUser("manages.keys");
        Browser browser = signedInAs("manages.keys");
        addKey(browser, new SoftwareAuthenticator(server.services.config().http().publicUrl()), "Blue key");
        String deviceId = onlyDevice("manages.keys").deviceId();
        HttpResponse<String> list = browser.get(MfaDevicesPage.PATH);

        HttpResponse<String> renamed = browser.post(MfaDevicesPage.RENAME,
                form("csrf", hidden(list, "csrf"), "device_id", deviceId, "name", "Yellow key"));
        HttpResponse<String> confirmation = browser.get(MfaDevicesPage.DELETE + "?device_id=" + deviceId);
        HttpResponse<String> removed = browser.post(MfaDevicesPage.DELETE,
                form("csrf", hidden(confirmation, "csrf"), "device_id", deviceId));

        assertThat(location(renamed)).isEqualTo("/start/mfa?done=renamed");
        assertThat(confirmation.body()).contains("<h1>Remove Yellow key?</h1>", "action=\"/start/mfa/delete\"");
        assertThat(location(removed)).isEqualTo("/start/mfa?done=removed");
        assertThat(browser.get(location(removed)).body()).contains("You have no MFA devices yet.")
                .doesNotContain("Yellow key");
        assertThat(server.services.core().mfaDevices().list(userId("manages.keys"))).isEmpty();
    }

    @Test
    void authenticatorAppsAreListedBesideSecurityKeys() {
        server.createActiveUser("has.app");
        String userId = userId("has.app");
        Actor actor = Actor.user(userId, "has.app");
        Enrolment enrolment = server.services.core().authenticatorApps().startEnrolment(userId, "Phone", actor,
                SETUP);
        byte[] secret = Base32.decode(enrolment.secretText());
        server.services.core().authenticatorApps().confirm(userId, enrolment.deviceId(),
                Totp.STANDARD.code(secret, server.clock.instant()), actor, SETUP);
        // With an app, signing in takes its code too; a later time step, so it is not the enrolment's code again.
        server.clock.advance(Duration.ofSeconds(30));
        Browser browser = server.newBrowser();
        HttpResponse<String> mfa = browser.get(location(browser.signIn("has.app", MfaDevicesPage.PATH)));
        browser.post("/signin/mfa", form("csrf", hidden(mfa, "csrf"), "next", MfaDevicesPage.PATH,
                "code", Totp.STANDARD.code(secret, server.clock.instant())));

        HttpResponse<String> list = browser.get(MfaDevicesPage.PATH);

        assertThat(list.body()).contains("<h2>Phone</h2>", "Authenticator app");
    }

    @Test
    void anotherUsersDeviceCannotBeRenamedRemovedOrEvenConfirmed() {
        server.createActiveUser("key.owner");
        server.createActiveUser("key.prober");
        addKey(signedInAs("key.owner"), new SoftwareAuthenticator(server.services.config().http().publicUrl()), "Key");
        String victims = onlyDevice("key.owner").deviceId();
        Browser prober = signedInAs("key.prober");
        String csrf = hidden(prober.get(MfaDevicesPage.PATH), "csrf");

        HttpResponse<String> confirmation = prober.get(MfaDevicesPage.DELETE + "?device_id=" + victims);
        HttpResponse<String> removed = prober.post(MfaDevicesPage.DELETE, form("csrf", csrf, "device_id", victims));
        HttpResponse<String> renamed = prober.post(MfaDevicesPage.RENAME,
                form("csrf", csrf, "device_id", victims, "name", "Mine now"));

        assertThat(List.of(confirmation.statusCode(), removed.statusCode(), renamed.statusCode()))
                .containsOnly(404);
        assertThat(onlyDevice("key.owner").name()).isEqualTo("Key");
    }

    @Test
    void removeWithoutTheFormsCsrfTokenIsRefused() {
        server.createActiveUser("csrf.remove");
        Browser browser = signedInAs("csrf.remove");
        addKey(browser, new SoftwareAuthenticator(server.services.config().http().publicUrl()), "Key");
        String deviceId = onlyDevice("csrf.remove").deviceId();

        HttpResponse<String> removed = browser.post(MfaDevicesPage.DELETE, form("device_id", deviceId));

        assertThat(removed.statusCode()).isEqualTo(403);
        assertThat(server.services.core().mfaDevices().list(userId("csrf.remove"))).hasSize(1);
    }

    @Test
    void signedOutVisitsGoToSignIn() {
        Browser browser = server.newBrowser();

        assertThat(location(browser.get(MfaDevicesPage.PATH))).isEqualTo("/signin?next=/start/mfa");
        assertThat(location(browser.get(SecurityKeyPage.PATH))).isEqualTo("/signin?next=/start/mfa/security-key");
        assertThat(location(browser.post(MfaDevicesPage.DELETE, form("csrf", "x", "device_id", "y"))))
                .isEqualTo("/signin?next=/start/mfa");
    }

    private static HttpResponse<String> addKey(Browser browser, SoftwareAuthenticator key, String name) {
        HttpResponse<String> page = browser.get(SecurityKeyPage.PATH);
        return browser.post(SecurityKeyPage.PATH, form("csrf", hidden(page, "csrf"), "handle", hidden(page, "handle"),
                "name", name, "response", key.create(options(page))));
    }

    /** The options JSON as the browser reads it from the attribute. */
    private static String options(HttpResponse<String> page) {
        return Browser.attribute(page, "data-webauthn-create");
    }

    private static MfaDevice onlyDevice(String userName) {
        List<MfaDevice> devices = server.services.core().mfaDevices().list(userId(userName));
        assertThat(devices).hasSize(1);
        return devices.getFirst();
    }

    private static Browser signedInAs(String userName) {
        Browser browser = server.newBrowser();
        browser.signIn(userName, "/start");
        return browser;
    }

    private static String userId(String userName) {
        return server.services.core().identityStore().user(userName).userId();
    }

}
