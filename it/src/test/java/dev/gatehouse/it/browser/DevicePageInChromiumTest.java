package dev.gatehouse.it.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/** A person at Chromium types the code a device shows into the verification page, then approves or denies it. */
@ExtendWith(ChromiumInstalled.class)
class DevicePageInChromiumTest {

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private Entitlement ed;
    private DeviceLogin device;

    @BeforeEach
    void start() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        device = new DeviceLogin(gatehouse);
    }

    @AfterEach
    void stop() throws Exception {
        device.close();
        gatehouse.close();
    }

    @Test
    void approvingTheTypedCodeSignsTheDeviceIn() {
        RegisterClientResponse client = device.registerClient();
        StartDeviceAuthorizationResponse started = device.startDeviceAuthorization(client);
        try (Chromium chromium = Chromium.start("device-approve")) {
            enterCode(chromium, started.userCode());
            assertThat(chromium.pageText()).contains(started.userCode(), DeviceLogin.CLIENT_NAME);
            chromium.screenshot("confirm");
            chromium.press("Approve");
            assertThat(chromium.title()).startsWith("Request approved");
            chromium.screenshot("approved");
        }
        CreateTokenResponse tokens = device.createTokenAfterInterval(client, started);
        assertThat(device.callerIdentity(device.roleCredentials(tokens.accessToken(), ed)).arn())
                .endsWith("/" + ed.userName());
    }

    @Test
    void denyingTheCodeRefusesTheDevice() {
        RegisterClientResponse client = device.registerClient();
        StartDeviceAuthorizationResponse started = device.startDeviceAuthorization(client);
        assertThatThrownBy(() -> device.createToken(client, started))
                .isInstanceOf(AuthorizationPendingException.class);
        try (Chromium chromium = Chromium.start("device-deny")) {
            enterCode(chromium, started.userCode());
            chromium.press("Deny");
            assertThat(chromium.title()).startsWith("Request denied");
            chromium.screenshot("denied");
        }
        assertThatThrownBy(() -> device.createTokenAfterInterval(client, started))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** Opens the bare verification URI, signs in when sent to, and types the code as a person would. */
    private void enterCode(Chromium chromium, String userCode) {
        chromium.open(gatehouse.baseUrl() + "/device");
        chromium.screenshot("sign-in");
        chromium.fill("username", ed.userName());
        chromium.fill("password", ed.password());
        chromium.press("Sign in");
        chromium.fill("user_code", userCode);
        chromium.screenshot("enter-code");
        chromium.press("Continue");
    }
}
