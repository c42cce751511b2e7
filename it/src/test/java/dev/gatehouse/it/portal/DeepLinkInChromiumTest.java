package dev.gatehouse.it.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AWS-style deep link, {@code <start URL>#/console?account_id=…&role_name=…}, opened in a real (headless)
 * Chromium while signed out: the fragment survives the redirect to sign in, and the portal's script, allowed by
 * the Content-Security-Policy, makes the sign-in form return to that role.
 */
class DeepLinkInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;

    @Test
    void deepLinkWhenSignedOutMakesSignInReturnToTheLinkedRole() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " (Debian package chromium) is not installed");
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow())) {
            Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());

            String dom = dumpDom(gatehouse.startUrl() + "#/console?account_id=111122223333&role_name=PowerUserAccess");

            assertThat(dom).contains("action=\"/signin\"",
                    "name=\"next\" value=\"/start?account_id=111122223333&amp;role_name=PowerUserAccess\"");
        }
    }

    /** The page as the browser holds it once loaded and its deferred script has run. */
    private String dumpDom(String url) throws IOException, InterruptedException {
        Path dom = profile.resolve("dom.html");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.resolve("user-data"), "--dump-dom", url))
                .redirectOutput(dom.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished within a minute").isTrue();
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        return Files.readString(dom, StandardCharsets.UTF_8);
    }
}
