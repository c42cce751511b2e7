package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.scim.ScimToken;
import dev.gatehouse.core.scim.ScimTokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/scim}: an administrator lists, creates and deletes SCIM bearer tokens through the same core service
 * as {@code gatehouse-server admin scim tokens}, audited with the administrator as actor; a token's value is on the
 * answer to its creation and nowhere else.
 */
class ScimTokensPageTest {

    private static final String PAGE = "/admin/scim";
    private static final String ADMIN = "ann.admin";
    private static final RequestContext SETUP = RequestContext.commandLine("scim-tokens-page-test");

    @TempDir
    Path dataDir;
    private WebTestServer server;

    @BeforeEach
    void start() {
        server = WebTestServer.start(dataDir);
        server.services.core().identityStore().createUser(new NewUser(ADMIN, null, "Ann", "Admin",
                "ann@example.com", true), Actor.administratorCli(), SETUP);
        String token = server.services.core().activations().issue(ADMIN, Actor.administratorCli(), SETUP);
        server.services.core().activations().setPassword(token, WebTestServer.PASSWORD.toCharArray(), SETUP);
        server.createActiveUser("ed.developer");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pageListsTokensWithTheEndpointAndNeverTheirValues() {
        ScimTokens.Created existing = tokens().create(Actor.administratorCli(), SETUP);
        Browser admin = signedInAdmin();

        HttpResponse<String> page = admin.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page, "scim-url")).endsWith("/scim/v2");
        assertThat(text(page, "tokens")).contains(existing.token().tokenId(),
                existing.token().expiresAt().toString());
        assertThat(page.body()).doesNotContain(existing.value()).doesNotContain(ScimTokens.PREFIX)
                .doesNotContain("id=\"token-value\"");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/scim\"");
    }

    @Test
    void createShowsTheValueOnceAndItAuthenticatesScim() {
        Browser admin = signedInAdmin();

        HttpResponse<String> created = submit(admin, PAGE);

        assertThat(created.statusCode()).isEqualTo(200);
        String value = text(created, "token-value");
        assertThat(value).startsWith(ScimTokens.PREFIX);
        assertThat(text(created, "created-token")).contains("/scim/v2", "shown only this once");
        ScimToken token = tokens().list().getFirst();
        assertThat(tokens().authenticate(value).userId()).isEqualTo(token.tokenId());
        assertThat(admin.get(PAGE).body()).contains(token.tokenId()).doesNotContain(value);
        assertThat(audited("CreateScimToken")).singleElement()
                .satisfies(event -> assertThat(event.userName()).isEqualTo(ADMIN));
    }

    @Test
    void aThirdLiveTokenIsRefusedOnTheForm() {
        Browser admin = signedInAdmin();
        submit(admin, PAGE);
        submit(admin, PAGE);

        HttpResponse<String> third = submit(admin, PAGE);

        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(text(third, "create-error")).contains("At most 2");
        assertThat(third.body()).doesNotContain("id=\"token-value\"");
        assertThat(tokens().list()).hasSize(2);
    }

    @Test
    void deleteEndsTheTokenAndIsAudited() {
        ScimTokens.Created created = tokens().create(Actor.administratorCli(), SETUP);
        Browser admin = signedInAdmin();

        HttpResponse<String> deleted = submit(admin, PAGE + "/" + created.token().tokenId() + "/delete");

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(location(deleted)).isEqualTo(PAGE + "?notice=scim-token-deleted");
        assertThat(text(admin.get(location(deleted)), "notice")).contains("SCIM token was deleted");
        assertThat(tokens().list()).isEmpty();
        Assertions.assertThatThrownBy(() -> tokens().authenticate(created.value()))
                .isInstanceOf(DomainException.class);
        assertThat(audited("DeleteScimToken")).singleElement()
                .satisfies(event -> assertThat(event.userName()).isEqualTo(ADMIN));
    }

    @Test
    void someoneWhoIsNotAnAdministratorCannotSeeCreateOrDeleteTokens() {
        ScimTokens.Created existing = tokens().create(Actor.administratorCli(), SETUP);
        Browser developer = server.newBrowser();
        developer.signIn("ed.developer", "/start");
        String csrf = hidden(developer.get("/start"), "csrf");

        assertThat(developer.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(developer.post(PAGE, Browser.form("csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(developer.post(PAGE + "/" + existing.token().tokenId() + "/delete", Browser.form("csrf", csrf))
                .statusCode()).isEqualTo(403);
        assertThat(tokens().list()).extracting(ScimToken::tokenId).containsExactly(existing.token().tokenId());
    }

    private ScimTokens tokens() {
        return server.services.core().scimTokens();
    }

    private Browser signedInAdmin() {
        Browser browser = server.newBrowser();
        assertThat(browser.signIn(ADMIN, "/admin").statusCode()).isEqualTo(303);
        return browser;
    }

    /** Posts with the session's CSRF token, as the page's own forms do. */
    private static HttpResponse<String> submit(Browser browser, String path) {
        Map<String, String> form = Browser.form();
        form.put("csrf", hidden(browser.get(PAGE), "csrf"));
        return browser.post(path, form);
    }

    private List<AuditEvent> audited(String name) {
        return server.services.core().auditQueries().find(new AuditQuery(null, name, null, null, 100)).stream()
                .filter(e -> e.errorCode() == null).toList();
    }

    /** The text inside the element with this id, tags removed and whitespace collapsed. */
    private static String text(HttpResponse<String> page, String id) {
        Matcher element = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(page.body());
        assertThat(element.find()).as("element #%s in:%n%s", id, page.body()).isTrue();
        return element.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }
}
