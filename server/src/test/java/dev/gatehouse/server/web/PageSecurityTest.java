package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.hidden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageSecurityTest extends ServerWithEd {

    @ParameterizedTest
    @ValueSource(strings = {"/signin", "/activate?token=unknown", "/device", "/start", "/start/sessions",
            "/start/credentials?account_id=111122223333&role_name=PowerUserAccess"})
    void everyPageSendsTheSecurityHeaders(String path) {
        assertSecurityHeaders(server.newBrowser().get(path));
    }

    @Test
    void signedInPagesAndErrorPagesSendTheSecurityHeadersToo() {
        Browser browser = server.newBrowser();
        HttpResponse<String> signedIn = browser.signIn("ed.developer", "/start");

        assertSecurityHeaders(signedIn);
        assertSecurityHeaders(browser.get("/start"));
        assertSecurityHeaders(browser.get("/device?user_code=BCDF-GHJK"));
        assertSecurityHeaders(browser.post("/signout", Browser.form("csrf", "forged")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/users", "/admin/users/ed.developer", "/admin/groups",
            "/admin/accounts", "/admin/permission-sets", "/admin/events",
            "/admin/simulate"})
    void adminConsolePagesSendTheSecurityHeadersWhateverTheAnswer(String path) {
        Browser developer = server.newBrowser();
        developer.signIn("ed.developer", "/start");
        Browser admin = server.newBrowser();
        admin.signIn(consoleAdministrator(), "/admin");

        assertSecurityHeaders(server.newBrowser().get(path));
        assertSecurityHeaders(developer.get(path));
        HttpResponse<String> page = admin.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertSecurityHeaders(page);
        assertThat(page.body()).doesNotContain("<script", "style=", "onclick").contains("/static/gatehouse.css");
        assertSecurityHeaders(admin.post("/admin/groups", Browser.form("displayName", "x", "csrf", "forged")));
    }

    /** An administrator for the console's pages, made once for the whole class. */
    private static String consoleAdministrator() {
        String name = "page.admin";
        if (server.services.store().users().findByUserName(name).isEmpty()) {
            server.services.core().identityStore().createUser(new IdentityStoreService.NewUser(name, null, "Page", "Admin",
                    "page.admin@example.com", true), Actor.administratorCli(), RequestContext.commandLine("test"));
            server.services.core().activations().setPassword(server.services.core().activations().issue(name,
                    Actor.administratorCli(), RequestContext.commandLine("test")), WebTestServer.PASSWORD.toCharArray(),
                    RequestContext.commandLine("test"));
        }
        return name;
    }

    @Test
    void portalPagesSendTheSecurityHeaders() {
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");

        assertSecurityHeaders(browser.get("/start?q=dev"));
        assertSecurityHeaders(browser.get("/start?account_id=111122223333&role_name=PowerUserAccess"));
        assertSecurityHeaders(browser.get("/start/credentials?account_id=111122223333&role_name=PowerUserAccess"));
        assertSecurityHeaders(browser.get("/start/sessions"));
        assertSecurityHeaders(browser.post("/start/sessions/revoke", Browser.form("csrf", "forged")));
    }

    @Test
    void scriptIsServedAsJavaScript() {
        HttpResponse<String> script = server.newBrowser().get(StaticAsset.SCRIPT);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(script.body()).contains("#/console?", "navigator.clipboard");
    }

    @Test
    void signedInPagesUseNoInlineScriptHandlerOrStyle() {
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");

        for (String path : List.of("/start", "/start/sessions")) {
            String body = browser.get(path).body();
            assertNoInlineScriptOrStyle(body);
            assertThat(body).doesNotContainPattern("\\son[a-z]+=");
        }
    }

    @Test
    void otherProtocolsDoNotGetThePageHeaders() {
        HttpResponse<String> health = server.newBrowser().get("/healthz");

        assertThat(health.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void sessionCookieIsHttpOnlyLaxWholeSiteAndNotSecureOnAnHttpPublicUrl() {
        HttpResponse<String> response = server.newBrowser().signIn("ed.developer", "/start");

        String cookie = setCookie(response, SessionCookies.NAME);
        assertThat(cookie).contains("; HttpOnly", "; SameSite=Lax", "; Path=/", "; Max-Age=28800")
                .doesNotContain("Secure");
    }

    @Test
    void csrfCookieIsHttpOnlyAndStrict() {
        HttpResponse<String> page = server.newBrowser().get("/signin");

        String cookie = setCookie(page, Csrf.COOKIE);
        assertThat(cookie).contains("; HttpOnly", "; SameSite=Strict", "; Path=/").doesNotContain("Secure");
        assertThat(cookie).startsWith(Csrf.COOKIE + "=" + hidden(page, "csrf") + ";");
    }

    @Test
    void cookiesAreSecureWhenThePublicUrlIsHttps(@TempDir Path httpsDataDir) {
        try (WebTestServer https = WebTestServer.start(httpsDataDir, "https://gatehouse.example.com")) {
            https.createActiveUser("ed.developer");
            Browser browser = https.newBrowser();
            HttpResponse<String> form = browser.get("/signin");
            // Java's cookie store will not send a Secure cookie over the plain http the test uses: echo it by hand.
            String csrf = hidden(form, "csrf");
            browser.setCookie(Csrf.COOKIE, csrf);

            HttpResponse<String> signedIn = browser.post("/signin", Browser.form("username", "ed.developer",
                    "password", WebTestServer.PASSWORD, "next", "/start", "csrf", csrf));

            assertThat(setCookie(form, Csrf.COOKIE)).contains("; Secure", "; HttpOnly", "; SameSite=Strict");
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(setCookie(signedIn, SessionCookies.NAME)).contains("; Secure", "; HttpOnly", "; SameSite=Lax");
        }
    }

    @Test
    void stylesheetIsServedAsCss() {
        HttpResponse<String> css = server.newBrowser().get(StaticAsset.STYLESHEET);

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(css.body()).contains(".user-code");
    }

    @Test
    void pagesUseNoInlineScriptOrStyle() {
        for (String body : List.of(server.newBrowser().get("/signin").body(),
                server.newBrowser().get("/activate?token=x").body())) {
            assertNoInlineScriptOrStyle(body);
            assertThat(body).doesNotContain("onclick").contains("/static/gatehouse.css");
        }
    }

    /** The one script tag allowed loads our own file: an inline one would be refused by the policy anyway. */
    private static void assertNoInlineScriptOrStyle(String body) {
        assertThat(body).doesNotContain("style=")
                .doesNotContainPattern("<script(?! src=\"/static/gatehouse\\.js\" defer></script>)");
    }

    @Test
    void mistypedPageAddressGetsAnHtmlPageWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = getAccepting("/admin/no-such-page", "text/html,application/xhtml+xml");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body()).contains("There is no page at this address.");
        assertSecurityHeaders(page);
    }

    @Test
    void apiClientsAskingForAnUnknownPathDoNotGetAPage() throws Exception {
        HttpResponse<String> answer = getAccepting("/no-such-api", "application/json");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("<html");
    }

    private HttpResponse<String> getAccepting(String path, String accept) throws Exception {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("No Set-Cookie for " + name + " in "
                        + response.headers().map()));
    }
}
