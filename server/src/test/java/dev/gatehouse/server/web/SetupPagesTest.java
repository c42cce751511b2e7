package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.instance.FirstAdministratorSetup;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /setup on a fresh server: the first-start link names the first administrator, once. */
class SetupPagesTest {

    private static final RequestContext START = RequestContext.commandLine("setup-test");

    @TempDir
    Path dataDir;
    private WebTestServer server;
    private String token;

    @BeforeEach
    void start() {
        server = WebTestServer.start(dataDir);
        // What the server logged on start, issued again: the newest link replaces the logged one.
        token = server.services.firstAdministratorSetup().offer(START).orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void setupLinkWhenFormSubmittedThenAdministratorCreatedAndSentToSetAPassword() {
        Browser browser = server.newBrowser();
        HttpResponse<String> page = browser.get("/setup?token=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Create the first administrator", "name=\"userName\"");

        HttpResponse<String> created = browser.post("/setup", details(page, "root"));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(location(created)).startsWith("/activate?token=");
        HttpResponse<String> activation = browser.get(location(created));
        assertThat(activation.statusCode()).isEqualTo(200);
        assertThat(activation.body()).contains("root");
        User root = server.services.core().identityStore().user("root");
        assertThat(root.administrator()).isTrue();
        assertThat(server.services.store().audit().find(AuditQuery.all()))
                .filteredOn(e -> e.eventName().equals("CreateUser")).singleElement()
                .satisfies(e -> assertThat(e.userIdentity()).containsEntry("type", "GatehouseSetupLink"));
    }

    @Test
    void setupLinkWhenUsedThenItIsGone() {
        Browser browser = server.newBrowser();
        HttpResponse<String> page = browser.get("/setup?token=" + token);
        browser.post("/setup", details(page, "root"));

        assertThat(server.newBrowser().get("/setup?token=" + token).statusCode()).isEqualTo(410);
        assertThat(browser.post("/setup", details(page, "second")).statusCode()).isEqualTo(410);
        assertThat(server.services.firstAdministratorSetup().offer(START)).isEmpty();
    }

    @Test
    void setupLinkWhenAnHourOldThenGone() {
        server.clock.advance(FirstAdministratorSetup.LIFETIME);

        assertThat(server.newBrowser().get("/setup?token=" + token).statusCode()).isEqualTo(410);
    }

    @Test
    void setupWhenDetailsInvalidThenTheFormSaysWhyAndTheLinkStillWorks() {
        Browser browser = server.newBrowser();
        HttpResponse<String> page = browser.get("/setup?token=" + token);

        HttpResponse<String> refused = browser.post("/setup", details(page, "has space"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("setup-error", "value=\"has space\"");
        assertThat(browser.post("/setup", details(refused, "root")).statusCode()).isEqualTo(303);
    }

    @Test
    void setupWhenCsrfTokenForgedThenRefusedAndNoUser() {
        Browser browser = server.newBrowser();
        browser.get("/setup?token=" + token);

        HttpResponse<String> forged = browser.post("/setup", form("csrf", "forged", "token", token,
                "userName", "root", "givenName", "Ro", "familyName", "Ot", "email", "root@example.com"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(server.services.store().users().anyAdministrator()).isFalse();
    }

    private static Map<String, String> details(HttpResponse<String> page, String userName) {
        return form("csrf", hidden(page, "csrf"), "token", hidden(page, "token"), "userName", userName,
                "givenName", "Ro", "familyName", "Ot", "email", "root@example.com");
    }
}
