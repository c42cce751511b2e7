package dev.gatehouse.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatehouse sso login} finished by a person in a real browser: the default browser login (PKCE: sign in,
 * allow, and Chromium is sent back to the CLI's loopback listener), and the device-code page (approve and deny).
 * The CLI runs as its own process and prints the URL ({@code --no-browser}); Chromium opens it as a person would.
 */
@ExtendWith(ChromiumInstalled.class)
class CliLoginInChromiumTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path home;

    private DeveloperAtCli ed;

    @BeforeEach
    void configureProfile() {
        ed = DeveloperAtCli.start(dataDir, home);
        ed.configureWithFlags("my-sso", "dev").assertSucceeded();
        ed.cli().run("sso", "logout").assertSucceeded();
    }

    @AfterEach
    void stop() {
        ed.close();
    }

    @Test
    void browserLoginSignsInAllowsAndReturnsToTheCli() {
        try (CliProcess login = ed.cli().start("", "sso", "login", "--profile", "dev", "--no-browser");
             Chromium chromium = Chromium.start("cli-pkce-login")) {
            String authorizeUrl = login.awaitOutput(DeveloperAtCli.AUTHORIZE_URL, GatehouseCli.TIMEOUT).group(1);
            chromium.open(authorizeUrl);
            signIn(chromium);
            assertThat(chromium.title()).startsWith("Allow this sign-in?");
            assertThat(chromium.pageText()).contains("sso:account:access");
            chromium.screenshot("consent");
            chromium.press("Allow");
            chromium.awaitUrl(url -> url.startsWith("http://127.0.0.1:") && url.contains("/oauth/callback?code="));
            chromium.screenshot("back-at-the-cli");
            login.awaitExit(GatehouseCli.TIMEOUT).assertSucceeded();
        }
        CliProcess.Result identity = ed.cli().run("sts", "get-caller-identity", "--profile", "dev");
        identity.assertSucceeded();
        assertThat(identity.out()).containsPattern(DeveloperAtCli.ROLE_ARN);
    }

    @Test
    void browserLoginDeniedInTheBrowserFailsTheCli() {
        try (CliProcess login = ed.cli().start("", "sso", "login", "--profile", "dev", "--no-browser");
             Chromium chromium = Chromium.start("cli-pkce-deny")) {
            chromium.open(login.awaitOutput(DeveloperAtCli.AUTHORIZE_URL, GatehouseCli.TIMEOUT).group(1));
            signIn(chromium);
            chromium.press("Deny");
            chromium.awaitUrl(url -> url.contains("/oauth/callback?error=access_denied"));
            chromium.screenshot("denied");
            login.awaitExit(GatehouseCli.TIMEOUT).assertFailedWith(8, "access_denied");
        }
    }

    @Test
    void deviceCodeLoginApprovedOnTheVerificationPage() {
        try (CliProcess login = ed.cli().start("", "sso", "login", "--profile", "dev", "--use-device-code",
                "--no-browser");
             Chromium chromium = Chromium.start("cli-device-approve")) {
            String userCode = login.awaitOutput(DeveloperAtCli.USER_CODE, GatehouseCli.TIMEOUT).group(1);
            chromium.open(ed.baseUrl() + "/device");
            signIn(chromium);
            chromium.fill("user_code", userCode);
            chromium.press("Continue");
            assertThat(chromium.pageText()).contains(userCode);
            chromium.screenshot("confirm");
            chromium.press("Approve");
            chromium.screenshot("approved");
            login.awaitExit(GatehouseCli.TIMEOUT).assertSucceeded();
        }
        ed.cli().run("sts", "get-caller-identity", "--profile", "dev").assertSucceeded();
    }

    @Test
    void deviceCodeLoginDeniedOnTheVerificationPage() {
        try (CliProcess login = ed.cli().start("", "sso", "login", "--profile", "dev", "--use-device-code",
                "--no-browser");
             Chromium chromium = Chromium.start("cli-device-deny")) {
            String userCode = login.awaitOutput(DeveloperAtCli.USER_CODE, GatehouseCli.TIMEOUT).group(1);
            chromium.open(ed.baseUrl() + "/device?user_code=" + userCode);
            signIn(chromium);
            chromium.press("Deny");
            assertThat(chromium.title()).startsWith("Request denied");
            login.awaitExit(GatehouseCli.TIMEOUT).assertFailedWith(8, "denied");
        }
        assertThat(ed.cli().run("sts", "get-caller-identity", "--profile", "dev").exitCode()).isNotZero();
    }

    private void signIn(Chromium chromium) {
        Entitlement person = ed.developer();
        chromium.screenshot("sign-in");
        chromium.fill("username", person.userName());
        chromium.fill("password", person.password());
        chromium.press("Sign in");
    }
}
