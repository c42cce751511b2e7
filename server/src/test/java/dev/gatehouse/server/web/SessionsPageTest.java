package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.error.DomainException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionsPageTest extends ServerWithEdsAccounts {

    private static final Pattern SESSION_ID = Pattern.compile("name=\"session_id\" value=\"([^\"]+)\"");

    @Test
    void listsBrowserAndCommandLineSessionsMarkingThisOne() {
        server.createActiveUser("lists.sessions");
        Browser browser = signedInAs("lists.sessions");
        commandLineLogin("lists.sessions", "botocore-client-laptop");

        HttpResponse<String> page = browser.get(SessionsPage.PATH);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Command line · botocore-client-laptop", "Browser <span class=\"badge\">this browser</span>",
                "2025-06-02 09:00 UTC", "2025-06-02 17:00 UTC", "End this session and sign out");
        assertThat(sessionIds(page)).hasSize(2).contains(currentSessionId("lists.sessions"));
    }

    @Test
    void endingAnotherSessionCutsOffItsTokensAndKeepsThisBrowserSignedIn() {
        server.createActiveUser("ends.cli");
        Browser browser = signedInAs("ends.cli");
        String accessToken = commandLineLogin("ends.cli", "botocore-client-laptop");
        HttpResponse<String> page = browser.get(SessionsPage.PATH);
        String cliSession = otherSessionId(page, "ends.cli");

        HttpResponse<String> response = browser.post(SessionsPage.REVOKE,
                form("csrf", hidden(page, "csrf"), "session_id", cliSession));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/start/sessions?ended=1");
        assertThatThrownBy(() -> server.services.core().portal().listAccounts(accessToken, null, null))
                .isInstanceOf(DomainException.class).hasMessageContaining("Session token not found");
        HttpResponse<String> after = browser.get(location(response));
        assertThat(after.body()).contains(SessionsPage.ENDED).doesNotContain("botocore-client-laptop");
        assertThat(sessionIds(after)).containsExactly(currentSessionId("ends.cli"));
    }

    @Test
    void endingThisSessionSignsOut() {
        server.createActiveUser("ends.own");
        Browser browser = signedInAs("ends.own");
        HttpResponse<String> page = browser.get(SessionsPage.PATH);

        HttpResponse<String> response = browser.post(SessionsPage.REVOKE,
                form("csrf", hidden(page, "csrf"), "session_id", currentSessionId("ends.own")));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/signin");
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(SessionCookies.NAME + "=;").contains("Max-Age=0"));
        assertThat(server.services.core().sessions().activeSessionsOf(userId("ends.own"))).isEmpty();
        assertThat(browser.get("/start").statusCode()).isEqualTo(303);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "forged"})
    void endingWithoutTheFormsCsrfTokenIsRefusedAndChangesNothing(String csrf) {
        String victim = "csrf.victim." + (csrf == null ? "none" : csrf.isEmpty() ? "empty" : csrf);
        server.createActiveUser(victim);
        Browser browser = signedInAs(victim);
        commandLineLogin(victim, "botocore-client-laptop");
        String cliSession = otherSessionId(browser.get(SessionsPage.PATH), victim);
        Map<String, String> fields = csrf == null ? form("session_id", cliSession)
                : form("csrf", csrf, "session_id", cliSession);

        HttpResponse<String> response = browser.post(SessionsPage.REVOKE, fields);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.services.core().sessions().activeSessionsOf(userId(victim))).hasSize(2);
    }

    @Test
    void anotherUsersSessionCannotBeEndedOrEvenConfirmed() {
        server.createActiveUser("prober");
        server.createActiveUser("probed");
        signedInAs("probed");
        String victimSession = currentSessionId("probed");
        Browser browser = signedInAs("prober");
        HttpResponse<String> page = browser.get(SessionsPage.PATH);

        HttpResponse<String> response = browser.post(SessionsPage.REVOKE,
                form("csrf", hidden(page, "csrf"), "session_id", victimSession));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("That session does not exist or has already ended");
        assertThat(server.services.core().sessions().activeSessionsOf(userId("probed"))).hasSize(1);
    }

    @Test
    void signedOutVisitsGoToSignIn() {
        Browser browser = server.newBrowser();

        HttpResponse<String> page = browser.get(SessionsPage.PATH);
        HttpResponse<String> revoke = browser.post(SessionsPage.REVOKE, form("csrf", "x", "session_id", "y"));

        assertThat(location(page)).isEqualTo("/signin?next=/start/sessions");
        assertThat(revoke.statusCode()).isEqualTo(303);
        assertThat(location(revoke)).isEqualTo("/signin?next=/start/sessions");
    }

    private static Browser signedInAs(String userName) {
        Browser browser = server.newBrowser();
        browser.signIn(userName, "/start");
        return browser;
    }

    private static String userId(String userName) {
        return server.services.core().identityStore().user(userName).userId();
    }

    /** The user's only browser session. */
    private static String currentSessionId(String userName) {
        return server.services.core().sessions().activeSessionsOf(userId(userName)).stream()
                .filter(s -> s.clientName() == null).map(s -> s.session().sessionId()).findFirst().orElseThrow();
    }

    private static String otherSessionId(HttpResponse<String> page, String userName) {
        String current = currentSessionId(userName);
        return sessionIds(page).stream().filter(id -> !id.equals(current)).findFirst().orElseThrow();
    }

    private static List<String> sessionIds(HttpResponse<String> page) {
        Matcher m = SESSION_ID.matcher(page.body());
        return m.results().map(r -> r.group(1)).toList();
    }
}
