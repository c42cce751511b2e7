package dev.gatehouse.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.mfa.Base32;
import dev.gatehouse.core.mfa.Totp;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.StandardErrorLines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh server with no administrator configured, as a new operator meets it: the log's one setup line is followed
 * in Chromium to an administrator with a password and an authenticator app, who reaches the admin console; the link
 * then fails a second time.
 */
@ExtendWith(ChromiumInstalled.class)
class FirstStartInChromiumTest {

    private static final Pattern SETUP_LINE = Pattern.compile("No administrator yet: open (http://\\S+/setup\\?token=\\S+)");
    private static final String PASSWORD = "Corr3ct-Horse-Battery!";

    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.startingNow();
    private RunningGatehouse gatehouse;

    @AfterEach
    void stop() {
        gatehouse.close();
    }

    @Test
    void freshServerWhenItsSetupLinkIsFollowedThenAnAdministratorWithMfaAndTheLinkIsSpent() {
        StandardErrorLines[] log = new StandardErrorLines[1];
        gatehouse = StandardErrorLines.capture(() -> RunningGatehouse.onH2WithDefaultMfa(dataDir, clock), log);
        assertThat(log[0].count(SETUP_LINE)).as("one setup line").isEqualTo(1);
        String setupUrl = log[0].first(SETUP_LINE).orElseThrow();

        try (Chromium operator = Chromium.start("first-start")) {
            operator.open(setupUrl);
            assertThat(operator.title()).startsWith("Create the first administrator");
            operator.fill("userName", "root");
            operator.fill("givenName", "Ro");
            operator.fill("familyName", "Ot");
            operator.fill("email", "root@example.com");
            operator.screenshot("setup-form");
            operator.press("Create administrator");

            assertThat(operator.title()).startsWith("Set your password");
            operator.fill("password", PASSWORD);
            operator.fill("confirm", PASSWORD);
            operator.press("Set password");
            assertThat(operator.title()).startsWith("Password set");

            operator.open(gatehouse.baseUrl() + "/admin");
            operator.fill("username", "root");
            operator.fill("password", PASSWORD);
            operator.press("Sign in");
            assertThat(operator.title()).startsWith("Add an authenticator app");
            operator.press("Show the QR code");
            byte[] secret = Base32.decode(operator.textOf("secret-key").replace(" ", ""));
            operator.fill("name", "Root's phone");
            operator.fill("code", Totp.STANDARD.code(secret, clock.instant()));
            operator.press("Add app and sign in");
            assertThat(operator.title()).contains("Dashboard");
            operator.screenshot("first-administrator-in-the-console");

            clock.advance(Duration.ofMinutes(1));
            operator.open(setupUrl);
            assertThat(operator.pageText()).contains("invalid, expired or already used");
        }
        assertThat(gatehouse.services().store().users().findByUserName("root").orElseThrow().administrator()).isTrue();
    }
}
