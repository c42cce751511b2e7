package dev.gatehouse.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AWS-style deep link, {@code <start URL>#/console?account_id=…&role_name=…}, opened while signed out: the
 * fragment never reaches the server, so the portal's one script (allowed by the Content-Security-Policy) carries
 * it through sign-in, and the person lands on that role.
 */
@ExtendWith(ChromiumInstalled.class)
class DeepLinkInChromiumTest {

    @TempDir
    Path dataDir;

    @Test
    void deepLinkOpenedSignedOutLandsOnTheLinkedRoleAfterSignIn() {
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
             Chromium chromium = Chromium.start("deep-link")) {
            Entitlement ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());

            chromium.open(gatehouse.startUrl() + "#/console?account_id=" + ed.accountId() + "&role_name="
                    + ed.roleName());
            chromium.fill("username", ed.userName());
            chromium.fill("password", ed.password());
            chromium.screenshot("sign-in");
            chromium.press("Sign in");

            chromium.awaitUrl(url -> url.endsWith("/start?account_id=" + ed.accountId() + "&role_name="
                    + ed.roleName()));
            assertThat(chromium.pageText()).contains(ed.accountName(), ed.accountId(), ed.roleName());
            chromium.screenshot("linked-role");
        }
    }
}
