package dev.gatehouse.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.People;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

/**
 * A passkey added on {@code /start/mfa/security-key} in a real browser: the page's script asks Chromium's virtual
 * authenticator (DevTools protocol) for a credential, the server verifies it, and the key is listed, then removed.
 * In between, the person signs out and in again: after the password, the MFA page asks for the key, and the
 * virtual authenticator's signature completes the sign-in.
 * {@code http://localhost} is a secure context, so WebAuthn works there without TLS; the RP id is {@code localhost}.
 */
@ExtendWith(ChromiumInstalled.class)
class SecurityKeyInChromiumTest {

    private static final String ED = "ed.developer";
    private static final String PASSWORD = "Corr3ct-Horse-Battery";

    @TempDir
    Path dataDir;

    @Test
    void passkeyAddedInTheBrowserIsListedAndRemoved() {
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
             Chromium chromium = Chromium.start("security-key")) {
            People.createActive(gatehouse.services(), new NewUser(ED, "Ed Developer", "Ed", "Developer",
                    "ed@example.com", false), PASSWORD);
            VirtualAuthenticator authenticator = chromium.addPasskeyAuthenticator();
            String userId = gatehouse.services().core().identityStore().user(ED).userId();

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
            List<MfaDevice> devices = gatehouse.services().core().mfaDevices().list(userId);
            assertThat(devices).singleElement().extracting(MfaDevice::kind).isEqualTo(MfaDeviceKind.WEBAUTHN);
            List<Credential> credentials = authenticator.getCredentials();
            assertThat(credentials).singleElement().satisfies(c -> {
                assertThat(c.getRpId()).isEqualTo("localhost");
                assertThat(c.isResidentCredential()).as("a passkey").isTrue();
            });

            chromium.press("Sign out");
            chromium.open(gatehouse.baseUrl() + "/start/mfa");
            chromium.fill("username", ED);
            chromium.fill("password", PASSWORD);
            chromium.press("Sign in");
            assertThat(chromium.currentUrl()).contains("/signin/mfa");
            assertThat(chromium.pageText()).contains("Use your security key or passkey")
                    .doesNotContain("Code from your authenticator app");
            chromium.screenshot("sign-in-asks-for-the-key");
            chromium.press("Use security key");
            assertThat(chromium.currentUrl()).as("signed in with the key, back where they were going")
                    .endsWith("/start/mfa");
            assertThat(gatehouse.services().core().sessions().activeSessionsOf(userId)).hasSize(1);

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
            assertThat(gatehouse.services().core().mfaDevices().list(userId)).isEmpty();
            chromium.screenshot("removed");
        }
    }
}
