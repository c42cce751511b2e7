package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leaving while an external provider signs people in: signing out ends on {@code /signedout}, not on {@code /signin}
 * (which would go straight back to the provider and sign the person in again), and every page lets a form's redirect
 * reach the provider, following the source as it changes.
 */
class SignedOutPageTest {

    private static final RequestContext SETUP = RequestContext.commandLine("signed-out-page-test");

    @TempDir
    Path dataDir;
    private WebTestServer server;
    private StandInProvider provider;

    @BeforeEach
    void start() throws Exception {
        provider = new StandInProvider();
        server = WebTestServer.start(dataDir);
        server.createActiveUser("ed.developer");
        useProvider();
    }

    @AfterEach
    void stop() {
        server.close();
        provider.close();
    }

    @Test
    void signOutWhileTheProviderSignsPeopleInEndsOnTheSignedOutPage() throws Exception {
        Browser browser = server.newBrowser();
        provider.signIn(browser, "ed.developer");
        HttpResponse<String> start = browser.get("/start");

        HttpResponse<String> signedOut = browser.post("/signout", form("csrf", hidden(start, "csrf")));

        assertThat(signedOut.statusCode()).isEqualTo(303);
        assertThat(location(signedOut)).isEqualTo("/signedout");
        HttpResponse<String> page = browser.get("/signedout");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You have signed out of Gatehouse", "127.0.0.1", "href=\"/signin\"");
        assertThat(location(browser.get("/start"))).startsWith("/signin");
    }

    @Test
    void pagesLetFormsReachTheProviderOnlyWhileItIsTheSource() {
        String providerOrigin = "http://127.0.0.1:" + URI.create(provider.issuer()).getPort();

        assertThat(policyOf(server.newBrowser().get("/signedout")))
                .contains("form-action 'self' " + providerOrigin + ";");

        server.services.core().identitySources().setBuiltIn(Actor.administratorCli(), SETUP);
        HttpResponse<String> builtIn = server.newBrowser().get("/signin");
        assertThat(policyOf(builtIn)).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(server.newBrowser().get("/signedout").body()).contains("You have signed out")
                .doesNotContain("may still be open");

        useProvider();
        assertThat(policyOf(server.newBrowser().get("/signedout"))).contains(providerOrigin);
    }

    @Test
    void signOutUnderTheBuiltInDirectoryStillEndsOnTheSignInForm() {
        server.services.core().identitySources().setBuiltIn(Actor.administratorCli(), SETUP);
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");

        HttpResponse<String> signedOut = browser.post("/signout", form("csrf", hidden(browser.get("/start"), "csrf")));

        assertThat(location(signedOut)).isEqualTo("/signin");
    }

    private void useProvider() {
        server.services.core().identitySources().setExternalOidc(provider.issuer(), StandInProvider.CLIENT_ID,
                StandInProvider.CLIENT_SECRET, UserClaim.PREFERRED_USERNAME, Provisioning.SCIM,
                Actor.administratorCli(), SETUP);
    }

    private static String policyOf(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Security-Policy").orElseThrow();
    }
}
