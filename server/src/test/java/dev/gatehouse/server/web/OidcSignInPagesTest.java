package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in through an external OpenID provider (a stand-in on loopback): the happy path, and every forged or
 * replayed answer refused at the callback and audited as a failed {@code UserAuthentication}.
 */
class OidcSignInPagesTest {

    private static final RequestContext SETUP = RequestContext.commandLine("oidc-sign-in-test");

    @TempDir
    static Path dataDir;
    static WebTestServer server;
    static StandInProvider provider;

    @BeforeAll
    static void start() throws Exception {
        provider = new StandInProvider();
        server = WebTestServer.start(dataDir);
        server.createUser("ed.developer");
        server.createUser("dora.disabled");
        server.services.core().identityStore().setStatus("dora.disabled", UserStatus.DISABLED,
                Actor.administratorCli(), SETUP);
        server.services.core().identitySources().setExternalOidc(provider.issuer(), StandInProvider.CLIENT_ID,
                StandInProvider.CLIENT_SECRET, UserClaim.PREFERRED_USERNAME, Provisioning.SCIM,
                Actor.administratorCli(), SETUP);
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.close();
    }

    /** The browser at the provider: the authorization request's parameters. */
    private static Map<String, String> startSignIn(Browser browser, String next) {
        HttpResponse<String> response = browser.get("/signin?next=" + next);
        assertThat(response.statusCode()).isEqualTo(303);
        URI authorize = URI.create(Browser.location(response));
        assertThat(authorize.toString()).startsWith(provider.issuer() + "/authorize?");
        Map<String, String> query = new HashMap<>();
        for (String pair : authorize.getRawQuery().split("&")) {
            String[] nv = pair.split("=", 2);
            query.put(nv[0], URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static JWTClaimsSet.Builder idToken(String userName, String nonce) {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer(provider.issuer()).audience(StandInProvider.CLIENT_ID)
                .subject("sub-" + userName).issueTime(now).expirationTime(new Date(now.getTime() + 300_000))
                .claim("nonce", nonce).claim("preferred_username", userName).claim("amr", List.of("pwd", "otp"))
                .claim("acr", "1");
    }

    private static HttpResponse<String> callback(Browser browser, String state, JWTClaimsSet claims, RSAKey key)
            throws Exception {
        String code = UUID.randomUUID().toString();
        provider.willAnswer(code, provider.sign(claims, key));
        server.clock.advance(Duration.ofSeconds(1));  // so this callback's events are the newest
        return browser.get("/signin/oidc/callback?code=" + code + "&state=" + state);
    }

    private static AuditEvent lastExternalAuthentication() {
        return server.services.core().auditQueries().find(new AuditQuery(null, "UserAuthentication", null, null,
                        1000)).stream()
                .filter(e -> "EXTERNAL_OIDC".equals(e.requestParameters().get("credentialType")))
                .max(java.util.Comparator.comparing(AuditEvent::eventTime))
                .orElseThrow();
    }

    private static void assertRefused(HttpResponse<String> response, String auditedReason) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("could not be verified");
        AuditEvent event = lastExternalAuthentication();
        assertThat(event.errorCode()).isNotNull();
        assertThat(String.valueOf(event.requestParameters().get("reason"))).contains(auditedReason);
    }

    @Test
    void signsInThroughTheProviderAndKeepsNext() throws Exception {
        Browser browser = server.newBrowser();
        Map<String, String> request = startSignIn(browser, "/start/sessions");
        assertThat(request).containsEntry("code_challenge_method", "S256").containsEntry("response_type", "code")
                .containsEntry("client_id", StandInProvider.CLIENT_ID).containsKeys("state", "nonce", "code_challenge");
        assertThat(request.get("redirect_uri")).endsWith("/signin/oidc/callback");

        HttpResponse<String> answer = callback(browser, request.get("state"),
                idToken("ED.Developer", request.get("nonce")).build(), provider.key);

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(Browser.location(answer)).isEqualTo("/start/sessions");
        assertThat(browser.cookie(SessionCookies.NAME)).isPresent();
        assertThat(browser.get("/start").statusCode()).isEqualTo(200);
        AuditEvent event = lastExternalAuthentication();
        assertThat(event.errorCode()).isNull();
        assertThat(event.userName()).isEqualTo("ed.developer");
        assertThat(event.requestParameters()).containsEntry("amr", List.of("pwd", "otp")).containsEntry("acr", "1")
                .containsEntry("mfaSkipped", "externalIdentityProvider");
    }

    @Test
    void noPasswordFormWhileTheSourceIsExternal() {
        HttpResponse<String> response = server.newBrowser().get("/signin");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.body()).doesNotContain("password");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        Map<String, String> request = startSignIn(browser, "/start");
        assertRefused(callback(browser, request.get("state"), idToken("ed.developer", request.get("nonce")).build(),
                provider.otherKey), "ID token rejected");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        Map<String, String> request = startSignIn(browser, "/start");
        assertRefused(callback(browser, request.get("state"), idToken("ed.developer", request.get("nonce"))
                .audience("another-client").build(), provider.key), "ID token rejected");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        Map<String, String> request = startSignIn(browser, "/start");
        Date longAgo = new Date(System.currentTimeMillis() - Duration.ofHours(1).toMillis());
        assertRefused(callback(browser, request.get("state"), idToken("ed.developer", request.get("nonce"))
                .issueTime(longAgo).expirationTime(new Date(longAgo.getTime() + 300_000)).build(), provider.key),
                "ID token rejected");
    }

    @Test
    void aTokenWithAnotherNonceIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        Map<String, String> request = startSignIn(browser, "/start");
        assertRefused(callback(browser, request.get("state"), idToken("ed.developer", "a-nonce-from-elsewhere")
                .build(), provider.key), "ID token rejected");
    }

    @Test
    void aStateThisBrowserDidNotStartIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        Map<String, String> request = startSignIn(browser, "/start");
        assertRefused(callback(browser, "forged-state", idToken("ed.developer", request.get("nonce")).build(),
                provider.key), "state does not match");
    }

    @Test
    void aReplayedCallbackIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        Map<String, String> request = startSignIn(browser, "/start");
        String code = UUID.randomUUID().toString();
        String token = provider.sign(idToken("ed.developer", request.get("nonce")).build(), provider.key);
        provider.willAnswer(code, token);
        String callback = "/signin/oidc/callback?code=" + code + "&state=" + request.get("state");
        server.clock.advance(Duration.ofSeconds(1));
        assertThat(browser.get(callback).statusCode()).isEqualTo(303);

        provider.willAnswer(code, token);
        server.clock.advance(Duration.ofSeconds(1));
        assertRefused(browser.get(callback), "no sign-in state cookie");
    }

    @Test
    void aDisabledUserIsRefusedWithAClearPage() throws Exception {
        Browser browser = server.newBrowser();
        Map<String, String> request = startSignIn(browser, "/start");
        HttpResponse<String> answer = callback(browser, request.get("state"),
                idToken("dora.disabled", request.get("nonce")).build(), provider.key);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("is disabled");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
        assertThat(lastExternalAuthentication().errorCode()).isNotNull();
    }

    @Test
    void anUnknownUserIsRefusedInScimMode() throws Exception {
        Browser browser = server.newBrowser();
        Map<String, String> request = startSignIn(browser, "/start");
        HttpResponse<String> answer = callback(browser, request.get("state"),
                idToken("nobody.known", request.get("nonce")).build(), provider.key);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("provision your account");
    }
}
