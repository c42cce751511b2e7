package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.server.idp.BackChannelLogoutApi;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider's back-channel logout against a stand-in provider on loopback: a verified logout token ends the
 * sessions of the user its subject signed in as; a forged, misaddressed or malformed one is refused with 400 and
 * ends nothing.
 */
class BackChannelLogoutTest {

    private static final RequestContext SETUP = RequestContext.commandLine("back-channel-logout-test");
    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @TempDir
    static Path dataDir;
    static WebTestServer server;
    static StandInProvider provider;

    @BeforeAll
    static void start() throws Exception {
        provider = new StandInProvider();
        server = WebTestServer.start(dataDir);
        server.createUser("ed.developer");
        server.createUser("fay.developer");
        server.services.core().identitySources().setExternalOidc(provider.issuer(), StandInProvider.CLIENT_ID,
                StandInProvider.CLIENT_SECRET, UserClaim.PREFERRED_USERNAME, Provisioning.SCIM,
                Actor.administratorCli(), SETUP);
    }

    @AfterAll
    static void stop() {
        server.close();
        provider.close();
    }

    @Test
    void aVerifiedLogoutTokenEndsTheSessionsOfThatSubjectOnly() throws Exception {
        Browser ed = signedIn("ed.developer");
        Browser fay = signedIn("fay.developer");

        HttpResponse<String> answer = logout(provider.key, UnaryOperator.identity(), "sub-ed.developer");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(ed.get("/start").statusCode()).as("ed's session ended").isEqualTo(303);
        assertThat(fay.get("/start").statusCode()).as("fay's session stays").isEqualTo(200);
        AuditEvent event = lastLogout();
        assertThat(event.requestParameters()).containsEntry("subject", "sub-ed.developer");
        assertThat(event.responseElements()).containsEntry("sessionsEnded", 1);
    }

    @Test
    void aSubjectNeverSeenIsAnsweredAndEndsNothing() throws Exception {
        Browser fay = signedIn("fay.developer");
        assertThat(logout(provider.key, UnaryOperator.identity(), "sub-nobody").statusCode()).isEqualTo(200);
        assertThat(fay.get("/start").statusCode()).isEqualTo(200);
    }

    @Test
    void forgedOrMalformedLogoutTokensAreRefusedAndEndNothing() throws Exception {
        Browser fay = signedIn("fay.developer");
        String subject = "sub-fay.developer";

        assertRefused(logout(provider.otherKey, UnaryOperator.identity(), subject));
        assertRefused(logout(provider.key, claims -> claims.audience("another-client"), subject));
        assertRefused(logout(provider.key, claims -> claims.issuer("https://elsewhere.example.com"), subject));
        assertRefused(logout(provider.key, claims -> claims.claim("events", Map.of()), subject));
        assertRefused(logout(provider.key, claims -> claims.claim("nonce", "n"), subject));
        assertRefused(server.newBrowser().post(BackChannelLogoutApi.PATH, Map.of("logout_token", "not-a-jwt")));
        assertRefused(server.newBrowser().post(BackChannelLogoutApi.PATH, Map.of()));

        assertThat(fay.get("/start").statusCode()).isEqualTo(200);
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\":\"invalid_request\"");
    }

    private static HttpResponse<String> logout(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change, String subject)
            throws Exception {
        Date now = new Date();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(provider.issuer())
                .audience(StandInProvider.CLIENT_ID).subject(subject).issueTime(now)
                .expirationTime(new Date(now.getTime() + 120_000)).jwtID(UUID.randomUUID().toString())
                .claim("sid", "sid-1").claim("events", Map.of(EVENT, Map.of()));
        String token = provider.sign(change.apply(claims).build(), key);
        return server.newBrowser().post(BackChannelLogoutApi.PATH, Map.of("logout_token", token));
    }

    /** A browser signed in through the stand-in provider as {@code userName} (subject {@code sub-<userName>}). */
    private static Browser signedIn(String userName) throws Exception {
        Browser browser = server.newBrowser();
        HttpResponse<String> start = browser.get("/signin?next=/start");
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(Browser.location(start)).getRawQuery().split("&")) {
            String[] nv = pair.split("=", 2);
            query.put(nv[0], URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
        }
        Date now = new Date();
        String code = UUID.randomUUID().toString();
        provider.willAnswer(code, provider.sign(new JWTClaimsSet.Builder().issuer(provider.issuer())
                .audience(StandInProvider.CLIENT_ID).subject("sub-" + userName).issueTime(now)
                .expirationTime(new Date(now.getTime() + 300_000)).claim("nonce", query.get("nonce"))
                .claim("preferred_username", userName).claim("amr", List.of("pwd")).build(), provider.key));
        assertThat(browser.get("/signin/oidc/callback?code=" + code + "&state=" + query.get("state")).statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/start").statusCode()).isEqualTo(200);
        return browser;
    }

    private static AuditEvent lastLogout() {
        server.clock.advance(Duration.ofSeconds(1));
        return server.services.core().auditQueries().find(new AuditQuery(null, "Logout", null, null, 1000)).stream()
                .filter(e -> e.requestParameters().containsKey("subject"))
                .max(java.util.Comparator.comparing(AuditEvent::eventTime))
                .orElseThrow();
    }
}
