package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.identitysource.IdentitySource.Kind;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /admin/identity-source}: an administrator sees where people sign in and what a change does, and switches
 * between the built-in directory, an external OpenID Connect provider and a SAML IdP read from its metadata URL; the
 * change goes through the same core
 * service as the admin command, so it ends every browser session and is audited with the administrator as actor.
 */
class IdentitySourcePageTest {

    private static final String PAGE = "/admin/identity-source";
    private static final String ADMIN = "ann.admin";
    private static final String SECRET = "client-secret-from-the-provider";
    private static final RequestContext SETUP = RequestContext.commandLine("identity-source-page-test");

    @TempDir
    Path dataDir;
    private WebTestServer server;
    private StandInProvider provider;

    @BeforeEach
    void start() throws Exception {
        provider = new StandInProvider();
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
        provider.close();
    }

    @Test
    void pageShowsTheBuiltInDirectoryWhatAChangeDoesAndWhatToRegisterAtTheProvider() {
        Browser admin = signedInAdmin();

        HttpResponse<String> page = admin.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page, "current-source")).isEqualTo("Built-in directory");
        assertThat(text(page, "what-changes")).contains("Users, groups, accounts and assignments are kept",
                "Gatehouse passwords and Gatehouse MFA are not used", "Every browser session ends at once, yours too");
        assertThat(text(page, "redirect-uri")).endsWith("/signin/oidc/callback");
        assertThat(text(page, "backchannel-logout-uri")).endsWith("/signin/oidc/backchannel-logout");
        assertThat(page.body()).contains("id=\"set-external-oidc\"").doesNotContain("id=\"set-built-in\"");
        assertThat(admin.get("/admin").body()).contains("href=\"/admin/identity-source\"");
    }

    @Test
    void switchingToAProviderSealsTheSecretEndsEveryBrowserSessionAndIsAudited() {
        Browser admin = signedInAdmin();
        Browser developer = server.newBrowser();
        developer.signIn("ed.developer", "/start");
        assertThat(developer.get("/start").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = submit(admin, PAGE + "/external-oidc", "issuer", provider.issuer(),
                "clientId", "gatehouse", "clientSecret", SECRET, "userClaim", "email", "provisioning", "jit",
                "groupsClaim", "groups", "requireIdpMfa", "true", "mfaAcr", "urn:okta:loa:2fa:any, 2");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(text(changed, "changed-to")).contains(provider.issuer());
        assertThat(changed.body()).contains("Every browser session has ended, yours too");
        IdentitySource source = server.services.core().identitySources().current();
        assertThat(source.kind()).isEqualTo(Kind.EXTERNAL_OIDC);
        assertThat(source.userClaim()).isEqualTo(UserClaim.EMAIL);
        assertThat(source.provisioning()).isEqualTo(Provisioning.JIT);
        assertThat(source.groupsClaim()).isEqualTo("groups");
        assertThat(source.idpMfa().required()).isTrue();
        assertThat(source.idpMfa().acrValues()).containsExactly("urn:okta:loa:2fa:any", "2");
        assertThat(source.sealedClientSecret()).doesNotContain(SECRET);
        assertThat(server.services.core().identitySources().clientSecret(source)).isEqualTo(SECRET);
        assertThat(location(developer.get("/start"))).as("the developer's session ended").startsWith("/signin");
        assertThat(location(admin.get(PAGE))).as("the administrator's session ended").startsWith("/signin");
        assertThat(updates()).hasSize(1);
        AuditEvent event = updates().get(0);
        assertThat(event.userName()).isEqualTo(ADMIN);
        assertThat(event.requestParameters()).containsEntry("issuer", provider.issuer())
                .containsEntry("provisioning", "JIT");
        assertThat(event.toString()).doesNotContain(SECRET);
    }

    @Test
    void wrongSettingsAreShownBesideTheirFieldsAndChangeNothing() {
        Browser admin = signedInAdmin();
        int updatesBefore = updates().size();

        HttpResponse<String> plainHttp = submit(admin, PAGE + "/external-oidc", "issuer",
                "http://idp.example.com", "clientId", "gatehouse", "clientSecret", SECRET, "userClaim",
                "preferred_username", "provisioning", "scim");
        HttpResponse<String> noSecret = submit(admin, PAGE + "/external-oidc", "issuer", provider.issuer(),
                "clientId", "gatehouse", "clientSecret", "", "userClaim", "preferred_username", "provisioning",
                "scim");
        HttpResponse<String> groupsWithScim = submit(admin, PAGE + "/external-oidc", "issuer", provider.issuer(),
                "clientId", "gatehouse", "clientSecret", SECRET, "userClaim", "preferred_username", "provisioning",
                "scim", "groupsClaim", "groups");

        assertThat(plainHttp.statusCode()).isEqualTo(400);
        assertThat(text(plainHttp, "issuer-error")).contains("https");
        assertThat(text(noSecret, "clientSecret-error")).contains("client secret is required");
        assertThat(text(groupsWithScim, "groupsClaim-error")).contains("just-in-time");
        assertThat(server.services.core().identitySources().current().kind()).isEqualTo(Kind.BUILT_IN);
        assertThat(updates()).hasSize(updatesBefore);
        assertThat(admin.get(PAGE).statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void underAProviderTheSecretIsKeptWhenLeftEmptyAndTheBuiltInDirectoryCanComeBack() throws Exception {
        server.services.core().identitySources().setExternalOidc(provider.issuer(), StandInProvider.CLIENT_ID,
                StandInProvider.CLIENT_SECRET, UserClaim.PREFERRED_USERNAME, Provisioning.SCIM,
                Actor.administratorCli(), SETUP);
        Browser admin = server.newBrowser();
        provider.signIn(admin, ADMIN);

        HttpResponse<String> page = admin.get(PAGE);
        assertThat(text(page, "current-source")).isEqualTo("External OpenID Connect provider");
        assertThat(text(page, "current-settings")).contains(provider.issuer(), "stored sealed, never shown")
                .doesNotContain(StandInProvider.CLIENT_SECRET);
        assertThat(page.body()).doesNotContain(StandInProvider.CLIENT_SECRET).contains("id=\"set-built-in\"");

        submit(admin, PAGE + "/external-oidc", "issuer", provider.issuer(), "clientId", StandInProvider.CLIENT_ID,
                "clientSecret", "", "userClaim", "preferred_username", "provisioning", "jit");
        IdentitySource kept = server.services.core().identitySources().current();
        assertThat(kept.provisioning()).isEqualTo(Provisioning.JIT);
        assertThat(server.services.core().identitySources().clientSecret(kept))
                .isEqualTo(StandInProvider.CLIENT_SECRET);

        Browser again = server.newBrowser();
        provider.signIn(again, ADMIN);
        HttpResponse<String> builtIn = submit(again, PAGE + "/built-in");

        assertThat(builtIn.statusCode()).isEqualTo(200);
        assertThat(text(builtIn, "changed-to")).contains("the built-in directory");
        assertThat(server.services.core().identitySources().current().kind()).isEqualTo(Kind.BUILT_IN);
        assertThat(updates()).anySatisfy(event -> {
            assertThat(event.userName()).isEqualTo(ADMIN);
            assertThat(event.requestParameters()).containsEntry("identitySourceType", "BUILT_IN");
        });
        assertThat(signedInAdmin().get(PAGE).statusCode()).as("passwords sign in again").isEqualTo(200);
    }

    @Test
    void pageShowsWhatToEnterAtASamlIdp() {
        HttpResponse<String> page = signedInAdmin().get(PAGE);

        String publicUrl = server.services.config().http().publicUrl();
        assertThat(text(page, "sp-metadata-url")).isEqualTo(publicUrl + "/saml/metadata");
        assertThat(text(page, "sp-acs-url")).isEqualTo(publicUrl + "/saml/acs");
        assertThat(text(page, "sp-slo-url")).isEqualTo(publicUrl + "/saml/slo");
        assertThat(page.body()).contains("id=\"set-external-saml\"");
    }

    @Test
    void switchingToASamlIdpFromItsMetadataUrlEndsEveryBrowserSessionAndTheIdpIsShown() throws Exception {
        StandInSamlIdp idp = new StandInSamlIdp(server.clock);
        HttpServer metadata = serving(idp.metadata());
        try {
            String metadataUrl = "http://127.0.0.1:" + metadata.getAddress().getPort() + "/idp/metadata";
            Browser admin = signedInAdmin();

            HttpResponse<String> changed = submit(admin, PAGE + "/external-saml", "metadataUrl", metadataUrl,
                    "samlUserClaim", "preferred_username", "samlProvisioning", "scim", "allowIdpInitiated", "true");

            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(text(changed, "changed-to")).contains(StandInSamlIdp.ENTITY_ID);
            IdentitySource source = server.services.core().identitySources().current();
            assertThat(source.kind()).isEqualTo(Kind.EXTERNAL_SAML);
            assertThat(source.issuer()).isEqualTo(StandInSamlIdp.ENTITY_ID);
            assertThat(source.saml().ssoUrl()).isEqualTo(StandInSamlIdp.SSO_URL);
            assertThat(source.saml().signingCertificates()).containsExactly(idp.key.base64());
            assertThat(source.saml().metadataUrl()).isEqualTo(metadataUrl);
            assertThat(source.saml().idpInitiatedAllowed()).isTrue();
            assertThat(location(admin.get(PAGE))).as("the administrator's session ended").startsWith("/signin");
            assertThat(updates()).singleElement().satisfies(event -> {
                assertThat(event.userName()).isEqualTo(ADMIN);
                assertThat(event.requestParameters()).containsEntry("entityId", StandInSamlIdp.ENTITY_ID);
            });

            Browser again = server.newBrowser();
            String publicUrl = server.services.config().http().publicUrl();
            StandInSamlIdp.Response signIn = idp.new Response(publicUrl + "/saml/acs", publicUrl + "/saml/metadata",
                    server.clock.instant(), ADMIN, null);
            assertThat(again.post("/saml/acs", Map.of("SAMLResponse", signIn.encoded())).statusCode())
                    .isEqualTo(303);
            HttpResponse<String> page = again.get(PAGE);
            assertThat(text(page, "current-source")).isEqualTo("External SAML 2.0 identity provider");
            assertThat(text(page, "current-settings")).contains(StandInSamlIdp.ENTITY_ID, StandInSamlIdp.SSO_URL,
                    metadataUrl, "allowed");
            assertThat(page.body()).contains("value=\"" + metadataUrl + "\"").contains("id=\"set-built-in\"");
        } finally {
            metadata.stop(0);
        }
    }

    @Test
    void aMetadataUrlThatCannotBeUsedIsShownBesideItsFieldAndChangesNothing() throws Exception {
        HttpServer notMetadata = serving("<html>not SAML metadata</html>");
        try {
            Browser admin = signedInAdmin();

            HttpResponse<String> refused = submit(admin, PAGE + "/external-saml", "metadataUrl",
                    "http://127.0.0.1:" + notMetadata.getAddress().getPort() + "/idp/metadata",
                    "samlUserClaim", "preferred_username", "samlProvisioning", "scim");
            HttpResponse<String> blank = submit(admin, PAGE + "/external-saml", "metadataUrl", "",
                    "samlUserClaim", "preferred_username", "samlProvisioning", "scim");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(text(refused, "metadataUrl-error")).contains("metadata cannot be used");
            assertThat(text(blank, "metadataUrl-error")).contains("required");
            assertThat(server.services.core().identitySources().current().kind()).isEqualTo(Kind.BUILT_IN);
            assertThat(updates()).isEmpty();
            assertThat(admin.get(PAGE).statusCode()).as("still signed in").isEqualTo(200);
        } finally {
            notMetadata.stop(0);
        }
    }

    /** A loopback HTTP server answering {@code body} at {@code /idp/metadata}, as an IdP publishes its metadata. */
    private static HttpServer serving(String body) throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/idp/metadata", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/samlmetadata+xml");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        return http;
    }

    @Test
    void someoneWhoIsNotAnAdministratorCannotSeeOrChangeTheSource() {
        Browser developer = server.newBrowser();
        developer.signIn("ed.developer", "/start");
        String csrf = hidden(developer.get("/start"), "csrf");

        assertThat(developer.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(developer.post(PAGE + "/built-in", Browser.form("csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(updates()).isEmpty();
    }

    private Browser signedInAdmin() {
        Browser browser = server.newBrowser();
        assertThat(browser.signIn(ADMIN, "/admin").statusCode()).isEqualTo(303);
        return browser;
    }

    /** Posts a form of the page with the session's CSRF token, as the page's own form would. */
    private static HttpResponse<String> submit(Browser browser, String path, String... namesAndValues) {
        String csrf = hidden(browser.get(PAGE), "csrf");
        Map<String, String> form = Browser.form(namesAndValues);
        form.put("csrf", csrf);
        return browser.post(path, form);
    }

    private List<AuditEvent> updates() {
        return server.services.core().auditQueries().find(new AuditQuery(null, "UpdateIdentitySource", null, null,
                100)).stream().filter(e -> e.errorCode() == null).toList();
    }

    /** The text inside the element with this id, tags removed and whitespace collapsed. */
    private static String text(HttpResponse<String> page, String id) {
        Matcher element = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(page.body());
        assertThat(element.find()).as("element #%s in:%n%s", id, page.body()).isTrue();
        return element.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }
}
