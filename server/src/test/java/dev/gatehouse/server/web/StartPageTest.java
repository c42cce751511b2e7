package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartPageTest extends ServerWithEd {

    @Test
    void startWhenAnonymousThenRedirectsToSignInComingBackToStart() {
        HttpResponse<String> response = server.newBrowser().get("/start");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/signin?next=/start");
    }

    @Test
    void startWhenSignedInThenShowsUserNameAndSignOutForm() {
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");

        HttpResponse<String> page = browser.get("/start");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Signed in as ed.developer", "action=\"/signout\"");
        assertThat(hidden(page, "csrf")).isNotEmpty();
    }

    @Test
    void signOutRevokesTheSessionClearsTheCookieAndGoesToSignIn() {
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");
        String sessionCookie = browser.cookie(SessionCookies.NAME).orElseThrow();
        HttpResponse<String> page = browser.get("/start");

        HttpResponse<String> response = browser.post("/signout", form("csrf", hidden(page, "csrf")));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/signin");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(SessionCookies.NAME + "=;").contains("Max-Age=0"));
        assertThat(server.services.core().browserSessions().find(sessionCookie)).isEmpty();
        assertThat(browser.get("/start").statusCode()).isEqualTo(303);
    }

    @Test
    void signOutWhenCsrfWrongThenForbiddenAndStillSignedIn() {
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");

        HttpResponse<String> response = browser.post("/signout", form("csrf", "forged"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get("/start").body()).contains("Signed in as ed.developer");
    }

    @Test
    void startWhenSessionExpiredThenRedirectsToSignIn() {
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");

        server.clock.advance(Duration.ofHours(8).plusSeconds(1));

        assertThat(browser.get("/start").statusCode()).isEqualTo(303);
    }
}
