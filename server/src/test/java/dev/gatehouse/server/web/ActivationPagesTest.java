package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.password.PasswordPolicy;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivationPagesTest {

    private static final String NEW_PASSWORD = "N3w-Passw0rd!";
    private static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private static WebTestServer server;

    @BeforeAll
    static void start() {
        server = WebTestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void activationLinkShowsTheUserNameAndASetPasswordForm() {
        String userName = newUser();
        String token = server.activationToken(userName);

        HttpResponse<String> page = server.newBrowser().get(activationPath(token));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(userName, "name=\"password\"", "name=\"confirm\"",
                "<label for=\"password\">", "<label for=\"confirm\">", PasswordPolicy.RULE);
        assertThat(hidden(page, "token")).isEqualTo(token);
        assertThat(hidden(page, "csrf")).isNotEmpty();
    }

    @Test
    void activationWhenPasswordsMatchAndFollowPolicyThenUserCanSignIn() {
        String userName = newUser();
        Browser browser = server.newBrowser();
        HttpResponse<String> page = browser.get(activationPath(server.activationToken(userName)));

        HttpResponse<String> done = browser.post("/activate", submission(page, NEW_PASSWORD, NEW_PASSWORD));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Password set", "href=\"/signin\"");
        assertThat(server.services.core().passwordStep().signIn(userName, NEW_PASSWORD.toCharArray(),
                RequestContext.commandLine("test"))).isNotNull();
    }

    @Test
    void activationWhenPasswordBreaksPolicyThenErrorBesideTheFieldAndLinkStillUsable() {
        String userName = newUser();
        Browser browser = server.newBrowser();
        String token = server.activationToken(userName);
        HttpResponse<String> page = browser.get(activationPath(token));

        HttpResponse<String> refused = browser.post("/activate", submission(page, "short", "short"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"password-error\"", PasswordPolicy.RULE);
        assertThat(userHasPassword(userName)).isFalse();
        assertThat(browser.get(activationPath(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void activationWhenPasswordLacksASymbolThenPolicyErrorShown() {
        Browser browser = server.newBrowser();
        HttpResponse<String> page = browser.get(activationPath(server.activationToken(newUser())));

        HttpResponse<String> refused = browser.post("/activate", submission(page, "NoSymbol123", "NoSymbol123"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"password-error\"");
    }

    @Test
    void activationWhenPasswordIsTheCurrentOneThenReuseErrorBesideTheFieldAndLinkStillUsable() {
        String userName = newUser();
        Browser browser = server.newBrowser();
        HttpResponse<String> first = browser.get(activationPath(server.activationToken(userName)));
        browser.post("/activate", submission(first, NEW_PASSWORD, NEW_PASSWORD));
        String token = server.activationToken(userName);
        HttpResponse<String> page = browser.get(activationPath(token));

        HttpResponse<String> refused = browser.post("/activate", submission(page, NEW_PASSWORD, NEW_PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"password-error\"",
                "Choose a password you have not used for your last 3 passwords.", "name=\"password\"");
        assertThat(browser.get(activationPath(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void activationWhenConfirmationDiffersThenErrorBesideTheConfirmField() {
        String userName = newUser();
        Browser browser = server.newBrowser();
        HttpResponse<String> page = browser.get(activationPath(server.activationToken(userName)));

        HttpResponse<String> refused = browser.post("/activate", submission(page, NEW_PASSWORD, NEW_PASSWORD + "x"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"confirm-error\"", ActivationPages.PASSWORDS_DIFFER)
                .doesNotContain("id=\"password-error\"");
        assertThat(userHasPassword(userName)).isFalse();
    }

    @Test
    void activationWhenLinkUnknownThenGonePage() {
        HttpResponse<String> page = server.newBrowser().get(activationPath("gha_not-a-real-token"));

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("This activation link is invalid, expired or already used.")
                .doesNotContain("name=\"password\"");
    }

    @Test
    void activationWhenLinkMissingThenGonePage() {
        assertThat(server.newBrowser().get("/activate").statusCode()).isEqualTo(410);
    }

    @Test
    void activationWhenLinkAlreadyUsedThenGonePage() {
        Browser browser = server.newBrowser();
        String token = server.activationToken(newUser());
        HttpResponse<String> page = browser.get(activationPath(token));
        browser.post("/activate", submission(page, NEW_PASSWORD, NEW_PASSWORD));

        HttpResponse<String> again = browser.post("/activate", submission(page, NEW_PASSWORD, NEW_PASSWORD));

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(browser.get(activationPath(token)).statusCode()).isEqualTo(410);
    }

    @Test
    void activationWhenLinkExpiredThenGonePage() {
        String token = server.activationToken(newUser());

        server.clock.advance(Duration.ofDays(30));

        assertThat(server.newBrowser().get(activationPath(token)).statusCode()).isEqualTo(410);
    }

    @Test
    void activationWhenCsrfMissingThenForbiddenAndPasswordNotSet() {
        String userName = newUser();
        Browser browser = server.newBrowser();
        String token = server.activationToken(userName);
        browser.get(activationPath(token));

        HttpResponse<String> refused = browser.post("/activate",
                form("token", token, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("The form has expired. Reload the page and try again.");
        assertThat(userHasPassword(userName)).isFalse();
    }

    @Test
    void activationWhenCsrfWrongThenForbiddenAndPasswordNotSet() {
        String userName = newUser();
        Browser browser = server.newBrowser();
        String token = server.activationToken(userName);
        browser.get(activationPath(token));

        HttpResponse<String> refused = browser.post("/activate",
                form("token", token, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD, "csrf", "B".repeat(43)));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(userHasPassword(userName)).isFalse();
    }

    private static Map<String, String> submission(HttpResponse<String> page, String password, String confirm) {
        return form("token", hidden(page, "token"), "password", password, "confirm", confirm,
                "csrf", hidden(page, "csrf"));
    }

    private static String newUser() {
        String userName = "new.user" + USERS.incrementAndGet();
        server.createUser(userName);
        return userName;
    }

    private static boolean userHasPassword(String userName) {
        return server.services.store().users().findByUserName(userName).orElseThrow().passwordHash() != null;
    }

    private static String activationPath(String token) {
        return "/activate?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
