package dev.gatehouse.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.core.service.IdentityStoreService.NewUser;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.People;
import dev.gatehouse.it.RunningGatehouse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

/**
 * A passkey added on {@code /start/mfa/security-key} in a real browser: the page's script asks Chromium's virtual
 * authenticator (DevTools protocol) for a credential, the server verifies it, and the key is listed, then removed.
 * The script's assertion is then run as the sign-in MFA page will run it, and the server accepts the signature.
 * {@code http://localhost} is a secure context, so WebAuthn works there without TLS; the RP id is {@code localhost}.
 */
@ExtendWith(ChromiumInstalled.class)
class SecurityKeyInChromiumTest {

    private static final String ED = "ed.developer";
    private static final String PASSWORD = "Corr3ct-Horse-Battery";

    @TempDir
    Path dataDir;

    /**
     * Runs the script's assertion (a form marked data-webauthn-assert, as the sign-in MFA page has) on the current
     * page: the form is added and the script loaded again so that it finds it. The form sends what it would post by
     * GET, so the test reads the answer from the address and hands it to the server's verification.
     */
    private static Optional<MfaDevice> signInWithTheKey(RunningGatehouse gatehouse, Chromium chromium,
                                                        String userId) {
        CeremonyStart assertion = gatehouse.services().securityKeys().startAssertion(userId);
        chromium.execute("""
                var form = document.createElement('form');
                form.method = 'get';
                form.action = '/assertion-answer';
                form.setAttribute('data-webauthn-assert', arguments[0]);
                form.innerHTML = '<input type="hidden" name="handle"><input type="hidden" name="response">'
                        + '<p data-webauthn-error hidden></p><button type="submit" id="use-key">Use key</button>';
                form.querySelector('input[name="handle"]').value = arguments[1];
                document.body.appendChild(form);
                var script = document.createElement('script');
                script.src = '/static/gatehouse.js';
                script.onload = function () { form.setAttribute('data-ready', ''); };
                document.body.appendChild(script);
                """, assertion.optionsJson(), assertion.handle());
        chromium.element(By.cssSelector("form[data-ready]"));
        chromium.click(By.id("use-key"));
        Map<String, String> sent = query(chromium.currentUrl());
        assertThat(sent.get("handle")).isEqualTo(assertion.handle());
        return gatehouse.services().securityKeys().finishAssertion(userId, sent.get("handle"), sent.get("response"),
                RequestContext.commandLine("security-key-in-chromium"));
    }

    private static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    @Test
    void passkeyAddedInTheBrowserIsListedAndRemoved() {
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
             Chromium chromium = Chromium.start("security-key")) {
            People.createActive(gatehouse.services(), new NewUser(ED, "Ed Developer", "Ed", "Developer",
                    "ed@example.com", false), PASSWORD);
            VirtualAuthenticator authenticator = chromium.addPasskeyAuthenticator();
            String userId = gatehouse.services().identityStore().user(ED).userId();

            chromium.open(gatehouse.baseUrl() + "/start/mfa");
            chromium.fill("username", ED);
            chromium.fill("password", PASSWORD);
            chromium.press("Sign in");
            assertThat(chromium.pageText()).contains("MFA devices", "You have no MFA devices yet.");
            chromium.screenshot("no-devices");

            chromium.click(By.linkText("Add a security key or passkey"));
            chromium.fill("name", "Laptop passkey");
            chromium.screenshot("add-security-key");
            chromium.press("Add");

            assertThat(chromium.currentUrl()).endsWith("/start/mfa?done=added");
            assertThat(chromium.pageText()).contains("The security key was added.", "Laptop passkey",
                    "Security key or passkey");
            chromium.screenshot("passkey-listed");
            List<MfaDevice> devices = gatehouse.services().mfaDevices().list(userId);
            assertThat(devices).singleElement().extracting(MfaDevice::kind).isEqualTo(MfaDeviceKind.WEBAUTHN);
            List<Credential> credentials = authenticator.getCredentials();
            assertThat(credentials).singleElement().satisfies(c -> {
                assertThat(c.getRpId()).isEqualTo("localhost");
                assertThat(c.isResidentCredential()).as("a passkey").isTrue();
            });

            assertThat(signInWithTheKey(gatehouse, chromium, userId)).as("the script's assertion verifies")
                    .map(MfaDevice::deviceId).contains(devices.getFirst().deviceId());

            chromium.open(gatehouse.baseUrl() + "/start/mfa");
            chromium.phoneSized();
            assertThat(chromium.fitsTheWidth()).as("usable on a phone").isTrue();
            chromium.screenshot("passkey-listed-phone");
            chromium.desktopSized();

            chromium.click(By.partialLinkText("Remove"));
            assertThat(chromium.pageText()).contains("Remove Laptop passkey?");
            chromium.screenshot("confirm-remove");
            chromium.press("Remove Laptop passkey");

            assertThat(chromium.pageText()).contains("The device was removed.", "You have no MFA devices yet.");
            assertThat(gatehouse.services().mfaDevices().list(userId)).isEmpty();
            chromium.screenshot("removed");
        }
    }
}
