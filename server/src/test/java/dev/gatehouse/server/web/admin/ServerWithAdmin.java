package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.server.web.Browser;
import dev.gatehouse.server.web.WebTestServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server per test class with two people who can sign in: the administrator ann.admin and ed.developer, who is
 * not one. Tests in a class share the server, so each uses names of its own.
 */
abstract class ServerWithAdmin {

    static final String ADMIN = "ann.admin";
    static final String DEVELOPER = "ed.developer";
    static final RequestContext SETUP = RequestContext.commandLine("admin-test-setup");

    @TempDir
    static Path dataDir;
    static WebTestServer server;

    @BeforeAll
    static void startServer() {
        server = WebTestServer.start(dataDir);
        createActiveUser(server, ADMIN, true);
        server.createActiveUser(DEVELOPER);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static void createActiveUser(WebTestServer on, String userName, boolean administrator) {
        on.services.core().identityStore().createUser(new NewUser(userName, null, "Ann", "Admin", userName + "@example.com",
                administrator), Actor.administratorCli(), SETUP);
        String token = on.services.core().activations().issue(userName, Actor.administratorCli(), SETUP);
        on.services.core().activations().setPassword(token, WebTestServer.PASSWORD.toCharArray(), SETUP);
    }

    /** A browser in which the administrator has signed in. */
    static Browser admin() {
        Browser browser = server.newBrowser();
        assertThat(browser.signIn(ADMIN, "/admin").statusCode()).isEqualTo(303);
        return browser;
    }

    /** An account and a read-only permission set to assign in it. */
    static void accountAndPermissionSet(String accountId, String accountName, String permissionSet) {
        server.services.core().accessModel().createAccount(accountId, accountName, accountName + "@example.com",
                Actor.administratorCli(), SETUP);
        server.services.core().accessModel().createPermissionSet(new NewPermissionSet(permissionSet, null, "PT1H",
                List.of("ReadOnlyAccess"), null, null, null, Map.of()), Actor.administratorCli(), SETUP);
    }

    /** Posts a console form with the session's CSRF token, as the page's own form would. */
    static HttpResponse<String> submit(Browser browser, String path, String... namesAndValues) {
        String csrf = Browser.hidden(browser.get("/admin"), "csrf");
        Map<String, String> form = Browser.form(namesAndValues);
        form.put("csrf", csrf);
        return browser.post(path, form);
    }

    /** The audit events of one name, newest first. */
    static List<AuditEvent> events(String eventName) {
        return server.services.core().auditQueries().find(new AuditQuery(null, eventName, null, null, 1000));
    }

    /** The text of the element with this id, when it holds only text. */
    static String text(HttpResponse<String> page, String id) {
        return Html.text(page.body(), id);
    }
}
