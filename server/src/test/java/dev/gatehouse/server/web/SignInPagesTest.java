package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInPagesTest extends ServerWithEd {

    private static final String WRONG = "The user name or password is incorrect.";

    @Test
    void signInFormCarriesCsrfAndNextAsHiddenFields() {
        Browser browser = server.newBrowser();

        HttpResponse<String> page = browser.get("/signin?next=/device?user_code=BCDF-GHJK");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=utf-8"));
        assertThat(hidden(page, "next")).isEqualTo("/device?user_code=BCDF-GHJK");
        assertThat(hidden(page, "csrf")).isEqualTo(browser.cookie(Csrf.COOKIE).orElseThrow());
        assertThat(page.body()).contains("<label for=\"username\">", "<label for=\"password\">",
                "name=\"viewport\"");
    }

    @Test
    void signInWhenCredentialsRightThenRedirectsToNextWithSessionCookie() {
        Browser browser = server.newBrowser();

        HttpResponse<String> response = browser.signIn("ed.developer", "/start?tab=accounts");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/start?tab=accounts");
        assertThat(browser.cookie(SessionCookies.NAME)).isPresent();
        assertThat(browser.get("/start").body()).contains("Signed in as ed.developer");
    }

    @Test
    void signInWhenPasswordWrongThenSameMessageAsUnknownUser() {
        HttpResponse<String> wrongPassword = attempt("ed.developer", "Wr0ng-password!");
        HttpResponse<String> unknownUser = attempt("no.such.person", "Wr0ng-password!");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains(WRONG).doesNotContain("exist");
        assertThat(unknownUser.body()).contains(WRONG).doesNotContain("exist");
        // The form comes back ready for another try.
        assertThat(hidden(unknownUser, "csrf")).isNotEmpty();
    }

    @Test
    void signInWhenFailedThenNoSessionCookie() {
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get("/signin");

        browser.post("/signin", form("username", "ed.developer", "password", "nope", "next", "/start",
                "csrf", hidden(form, "csrf")));

        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
    }

    @Test
    void signInWhenUserHasNotSetAPasswordYetThenSameMessage() {
        server.createUser("not.activated");

        HttpResponse<String> response = attempt("not.activated", "");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains(WRONG);
    }

    @Test
    void signInAgainFromTheSameBrowserRevokesThePreviousSession() {
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");
        String first = browser.cookie(SessionCookies.NAME).orElseThrow();
        // The sign-in page now redirects this browser, so take the token its form carried from its cookie.
        String csrf = browser.cookie(Csrf.COOKIE).orElseThrow();

        HttpResponse<String> again = browser.post("/signin", form("username", "ed.developer",
                "password", WebTestServer.PASSWORD, "next", "/start", "csrf", csrf));

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(browser.cookie(SessionCookies.NAME)).isPresent().isNotEqualTo(Optional.of(first));
        assertThat(server.services.core().browserSessions().find(first)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/start", "//evil.example/start", "/\\evil.example",
            "javascript:alert(1)", "evil.example", "/signin?next=/start", ""})
    void signInWhenNextLeavesTheSiteThenRedirectsToStart(String next) {
        Browser browser = server.newBrowser();

        HttpResponse<String> response = browser.signIn("ed.developer", next);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/start");
    }

    @Test
    void signInFormNeverCarriesAnotherSitesNext() {
        HttpResponse<String> page = server.newBrowser().get("/signin?next=//evil.example");

        assertThat(hidden(page, "next")).isEqualTo("/start");
    }

    @Test
    void signInWhenCsrfMissingThenForbiddenAndNoSession() {
        Browser browser = server.newBrowser();
        browser.get("/signin");

        HttpResponse<String> response = browser.post("/signin", form("username", "ed.developer",
                "password", WebTestServer.PASSWORD, "next", "/start"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("The form has expired. Reload the page and try again.");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
    }

    @Test
    void signInWhenCsrfWrongThenForbiddenAndNoSession() {
        Browser browser = server.newBrowser();
        browser.get("/signin");

        HttpResponse<String> response = browser.post("/signin", form("username", "ed.developer",
                "password", WebTestServer.PASSWORD, "next", "/start", "csrf", "A".repeat(43)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
    }

    @Test
    void signInWhenCsrfCookieMissingThenForbiddenEvenWithAPlausibleField() {
        Browser browser = server.newBrowser();
        String token = hidden(browser.get("/signin"), "csrf");
        Browser other = server.newBrowser();

        HttpResponse<String> response = other.post("/signin", form("username", "ed.developer",
                "password", WebTestServer.PASSWORD, "next", "/start", "csrf", token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(other.cookie(SessionCookies.NAME)).isEmpty();
    }

    @Test
    void signInPageWhenAlreadySignedInThenGoesStraightToNext() {
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");

        HttpResponse<String> response = browser.get("/signin?next=/device");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/device");
    }

    private static HttpResponse<String> attempt(String userName, String password) {
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get("/signin");
        return browser.post("/signin", form("username", userName, "password", password, "next", "/start",
                "csrf", hidden(form, "csrf")));
    }
}
