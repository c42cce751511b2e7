package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalSaml;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.SamlSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAML back-channel single logout at {@code /saml/slo} against a stand-in IdP that signs with Santuario: a verified
 * LogoutRequest ends every session of the person its NameID signed in as, and answers a LogoutResponse; one that is
 * unsigned, re-signed by another key, altered after signing, replayed, expired, from another issuer or for another
 * destination is refused with 400 and a Requester LogoutResponse, audited, and ends nothing.
 */
class SamlLogoutTest {

    private static final RequestContext SETUP = RequestContext.commandLine("saml-logout-test");

    @TempDir
    static Path dataDir;
    static WebTestServer server;
    static StandInSamlIdp idp;
    static String publicUrl;

    @BeforeAll
    static void start() {
        server = WebTestServer.start(dataDir);
        idp = new StandInSamlIdp(server.clock);
        publicUrl = server.services.config().http().publicUrl();
        server.createUser("ed.developer");
        server.createUser("fay.developer");
        server.services.core().identitySources().setExternalSaml(new ExternalSaml(StandInSamlIdp.ENTITY_ID,
                new SamlSettings(StandInSamlIdp.SSO_URL, List.of(idp.key.base64()), true, null, null),
                UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED), Actor.administratorCli(),
                SETUP);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void metadataAdvertisesTheSingleLogoutService() {
        assertThat(server.newBrowser().get("/saml/metadata").body()).contains("<md:SingleLogoutService "
                + "Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"" + publicUrl
                + "/saml/slo\"/>");
    }

    @Test
    void aVerifiedLogoutRequestEndsTheSessionsOfThatPersonOnly() {
        Browser ed = signedIn("ed.developer");
        Browser ed2 = signedIn("ed.developer");
        Browser fay = signedIn("fay.developer");
        StandInSamlIdp.LogoutRequest request = logoutRequest("ed.developer");

        HttpResponse<String> answer = post(request);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(answer.body()).contains("LogoutResponse").contains("InResponseTo=\"" + request.id + "\"")
                .contains("urn:oasis:names:tc:SAML:2.0:status:Success");
        assertThat(ed.get("/start").statusCode()).as("ed's first session ended").isEqualTo(303);
        assertThat(ed2.get("/start").statusCode()).as("ed's second session ended").isEqualTo(303);
        assertThat(fay.get("/start").statusCode()).as("fay's session stays").isEqualTo(200);
        AuditEvent event = lastLogout();
        assertThat(event.errorCode()).isNull();
        assertThat(event.requestParameters()).containsEntry("subject", "ed.developer");
        // Other tests leave ed signed in too: at least these two ended.
        assertThat(event.responseElements().get("sessionsEnded")).isInstanceOfSatisfying(Integer.class,
                ended -> assertThat(ended).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aNameIdNeverSeenIsAnsweredAndEndsNothing() {
        Browser fay = signedIn("fay.developer");
        assertThat(post(logoutRequest("nobody")).statusCode()).isEqualTo(200);
        assertThat(fay.get("/start").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnsignedRequestIsRefused() {
        assertRefused(r -> r.signed = false, "not signed");
    }

    @Test
    void aRequestReSignedByAnotherKeyIsRefused() {
        assertRefused(r -> r.signingKey = idp.otherKey, "does not verify");
    }

    @Test
    void aRequestAlteredAfterSigningIsRefused() {
        assertRefused(r -> r.nameIdAfterSigning = "fay.developer", "signature");
    }

    @Test
    void aRequestFromAnotherIssuerIsRefused() {
        assertRefused(r -> r.issuer = "https://elsewhere.example.com/saml", "issuer");
    }

    @Test
    void aRequestForAnotherDestinationIsRefused() {
        assertRefused(r -> r.destination = "https://elsewhere.example.com/saml/slo", "Destination");
    }

    @Test
    void anExpiredRequestIsRefused() {
        assertRefused(r -> r.issuedAt = server.clock.instant().minus(Duration.ofMinutes(10)), "expired");
    }

    @Test
    void aReplayedRequestIsRefused() {
        StandInSamlIdp.LogoutRequest request = logoutRequest("ed.developer");
        String encoded = request.encoded();
        assertThat(server.newBrowser().post("/saml/slo", Map.of("SAMLRequest", encoded)).statusCode())
                .isEqualTo(200);
        Browser fay = signedIn("fay.developer");
        Browser ed = signedIn("ed.developer");

        server.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> again = server.newBrowser().post("/saml/slo", Map.of("SAMLRequest", encoded));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(ed.get("/start").statusCode()).as("a replay ends nothing").isEqualTo(200);
        assertThat(fay.get("/start").statusCode()).isEqualTo(200);
        assertThat(String.valueOf(lastLogout().requestParameters().get("reason"))).contains("replay");
    }

    @Test
    void somethingThatIsNoLogoutRequestIsRefused() {
        server.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> answer = server.newBrowser().post("/saml/slo", Map.of("SAMLRequest", "bm90IHhtbA=="));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("urn:oasis:names:tc:SAML:2.0:status:Requester");
        assertThat(server.newBrowser().post("/saml/slo", Map.of()).statusCode()).isEqualTo(400);
    }

    /** The change makes the request an attack on ed; it is refused, audited with the reason, and ed stays in. */
    private static void assertRefused(Consumer<StandInSamlIdp.LogoutRequest> change, String auditedReason) {
        Browser ed = signedIn("ed.developer");
        StandInSamlIdp.LogoutRequest request = logoutRequest("ed.developer");
        change.accept(request);

        HttpResponse<String> answer = post(request);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("urn:oasis:names:tc:SAML:2.0:status:Requester");
        assertThat(ed.get("/start").statusCode()).as("ed's session stays").isEqualTo(200);
        AuditEvent event = lastLogout();
        assertThat(event.errorCode()).isNotNull();
        assertThat(String.valueOf(event.requestParameters().get("reason"))).contains(auditedReason);
    }

    private static StandInSamlIdp.LogoutRequest logoutRequest(String nameId) {
        return idp.new LogoutRequest(publicUrl + "/saml/slo", server.clock.instant(), nameId);
    }

    private static HttpResponse<String> post(StandInSamlIdp.LogoutRequest request) {
        server.clock.advance(Duration.ofSeconds(1));  // so this post's events are the newest
        return server.newBrowser().post("/saml/slo", Map.of("SAMLRequest", request.encoded()));
    }

    /** A browser signed in IdP-initiated as {@code userName}, its NameID. */
    private static Browser signedIn(String userName) {
        Browser browser = server.newBrowser();
        String acsUrl = publicUrl + "/saml/acs";
        StandInSamlIdp.Response response = idp.new Response(acsUrl, publicUrl + "/saml/metadata",
                server.clock.instant(), userName, null);
        assertThat(browser.post("/saml/acs", Map.of("SAMLResponse", response.encoded())).statusCode())
                .isEqualTo(303);
        assertThat(browser.get("/start").statusCode()).isEqualTo(200);
        return browser;
    }

    private static AuditEvent lastLogout() {
        server.clock.advance(Duration.ofSeconds(1));
        return server.services.core().auditQueries().find(new AuditQuery(null, "Logout", null, null, 1000)).stream()
                .filter(e -> e.requestParameters().containsKey("subject") || e.requestParameters().containsKey("reason"))
                .max(Comparator.comparing(AuditEvent::eventTime))
                .orElseThrow();
    }
}
