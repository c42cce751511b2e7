package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalSaml;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.identitysource.SamlSettings;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in through a SAML IdP (a stand-in that signs with Santuario): SP- and IdP-initiated sign-in, and every
 * attack of issue 13 refused at the ACS and audited as a failed {@code UserAuthentication}.
 */
class SamlSignInPagesTest {

    private static final RequestContext SETUP = RequestContext.commandLine("saml-sign-in-test");

    @TempDir
    static Path dataDir;
    static WebTestServer server;
    static StandInSamlIdp idp;
    static String acsUrl;
    static String spEntityId;

    @BeforeAll
    static void start() {
        server = WebTestServer.start(dataDir);
        idp = new StandInSamlIdp(server.clock);
        String publicUrl = server.services.config().http().publicUrl();
        acsUrl = publicUrl + "/saml/acs";
        spEntityId = publicUrl + "/saml/metadata";
        server.createUser("ed.developer");
        server.createUser("dora.disabled");
        server.services.core().identityStore().setStatus("dora.disabled", UserStatus.DISABLED,
                Actor.administratorCli(), SETUP);
        configure(true);
    }

    private static void configure(boolean idpInitiatedAllowed) {
        server.services.core().identitySources().setExternalSaml(new ExternalSaml(StandInSamlIdp.ENTITY_ID,
                new SamlSettings(StandInSamlIdp.SSO_URL, List.of(idp.key.base64()), idpInitiatedAllowed, null, null),
                UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED), Actor.administratorCli(),
                SETUP);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Starts an SP-initiated sign-in: the AuthnRequest's ID, after checking the redirect carries it signed. */
    private static String startSignIn(Browser browser, String next) throws Exception {
        HttpResponse<String> response = browser.get("/signin?next=" + next);
        assertThat(response.statusCode()).isEqualTo(303);
        URI sso = URI.create(Browser.location(response));
        assertThat(sso.toString()).startsWith(StandInSamlIdp.SSO_URL + "?SAMLRequest=");
        Map<String, String> query = new HashMap<>();
        for (String pair : sso.getRawQuery().split("&")) {
            String[] nv = pair.split("=", 2);
            query.put(nv[0], URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
        }
        assertThat(query).containsEntry("RelayState", next).containsKeys("SigAlg", "Signature");
        String request = inflate(Base64.getDecoder().decode(query.get("SAMLRequest")));
        assertThat(request).contains("AssertionConsumerServiceURL=\"" + acsUrl + "\"").contains(spEntityId);
        Matcher id = Pattern.compile(" ID=\"([^\"]+)\"").matcher(request);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private static String inflate(byte[] deflated) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static StandInSamlIdp.Response response(String nameId, String inResponseTo) {
        return idp.new Response(acsUrl, spEntityId, server.clock.instant(), nameId, inResponseTo);
    }

    private static HttpResponse<String> post(Browser browser, StandInSamlIdp.Response response, String relayState) {
        server.clock.advance(Duration.ofSeconds(1));  // so this post's events are the newest
        Map<String, String> form = new HashMap<>();
        form.put("SAMLResponse", response.encoded());
        if (relayState != null) {
            form.put("RelayState", relayState);
        }
        return browser.post("/saml/acs", form);
    }

    private static AuditEvent lastExternalAuthentication() {
        return server.services.core().auditQueries().find(new AuditQuery(null, "UserAuthentication", null, null,
                        1000)).stream()
                .filter(e -> "EXTERNAL_SAML".equals(e.requestParameters().get("credentialType")))
                .max(Comparator.comparing(AuditEvent::eventTime))
                .orElseThrow();
    }

    private static void assertRefused(Browser browser, HttpResponse<String> response, String auditedReason) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("could not be verified");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
        AuditEvent event = lastExternalAuthentication();
        assertThat(event.errorCode()).isNotNull();
        assertThat(String.valueOf(event.requestParameters().get("reason"))).contains(auditedReason);
    }

    @Test
    void metadataNamesTheEntityIdAcsAndSigningCertificate() {
        HttpResponse<String> metadata = server.newBrowser().get("/saml/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/samlmetadata+xml"));
        assertThat(metadata.body()).contains("entityID=\"" + spEntityId + "\"")
                .contains("Location=\"" + acsUrl + "\"").contains("<ds:X509Certificate>MII");
        assertThat(server.newBrowser().get("/saml/metadata").body()).isEqualTo(metadata.body());
    }

    @Test
    void spInitiatedSignInKeepsNextAndRecordsTheAuthnContext() throws Exception {
        Browser browser = server.newBrowser();
        String requestId = startSignIn(browser, "/start/sessions");

        HttpResponse<String> answer = post(browser, response("ED.Developer", requestId), "/start/sessions");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(Browser.location(answer)).isEqualTo("/start/sessions");
        assertThat(browser.cookie(SessionCookies.NAME)).isPresent();
        assertThat(browser.get("/start").statusCode()).isEqualTo(200);
        AuditEvent event = lastExternalAuthentication();
        assertThat(event.errorCode()).isNull();
        assertThat(event.userName()).isEqualTo("ed.developer");
        assertThat(event.requestParameters()).containsEntry("issuer", StandInSamlIdp.ENTITY_ID)
                .containsEntry("authnContextClassRef",
                        "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");
    }

    @Test
    void idpInitiatedSignInWorksWhileAllowed() {
        Browser browser = server.newBrowser();
        HttpResponse<String> answer = post(browser, response("ed.developer", null), null);
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(Browser.location(answer)).isEqualTo("/start");
        assertThat(browser.cookie(SessionCookies.NAME)).isPresent();
    }

    @Test
    void idpInitiatedSignInIsRefusedWhenTurnedOff() {
        configure(false);
        try {
            Browser browser = server.newBrowser();
            assertRefused(browser, post(browser, response("ed.developer", null), null), "IdP-initiated");
        } finally {
            configure(true);
        }
    }

    @Test
    void anAssertionSignedByNoOneIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        StandInSamlIdp.Response unsigned = response("ed.developer", startSignIn(browser, "/start"));
        unsigned.signResponse = false;
        assertRefused(browser, post(browser, unsigned, null), "neither the response nor the assertion is signed");
    }

    @Test
    void aResponseReSignedByAnotherKeyIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        StandInSamlIdp.Response forged = response("ed.developer", startSignIn(browser, "/start"));
        forged.signingKey = idp.otherKey;
        forged.signAssertion = true;
        assertRefused(browser, post(browser, forged, null), "does not verify with the IdP's certificate");
    }

    @Test
    void aWrappedSecondAssertionIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        StandInSamlIdp.Response wrapped = response("dora.disabled", startSignIn(browser, "/start"));
        wrapped.signResponse = false;
        wrapped.signAssertion = true;
        wrapped.wrappedNameId = "ed.developer";
        assertRefused(browser, post(browser, wrapped, null), "holds 2 assertions");
    }

    @Test
    void aSignatureOverAnotherElementThanTheOneHoldingItIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        StandInSamlIdp.Response moved = response("ed.developer", startSignIn(browser, "/start"));
        moved.signResponse = false;
        moved.signAssertion = true;
        moved.assertionSignatureOnResponse = true;
        assertRefused(browser, post(browser, moved, null), "not the response that holds it");
    }

    @Test
    void anAssertionForAnotherAudienceIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        StandInSamlIdp.Response other = response("ed.developer", startSignIn(browser, "/start"));
        other.audience = "https://other-sp.example.com/saml";
        assertRefused(browser, post(browser, other, null), "audience");
    }

    @Test
    void anAssertionForAnotherRecipientIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        StandInSamlIdp.Response other = response("ed.developer", startSignIn(browser, "/start"));
        other.recipient = "https://other-sp.example.com/acs";
        assertRefused(browser, post(browser, other, null), "Recipient");
    }

    @Test
    void aResponseForAnotherDestinationIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        StandInSamlIdp.Response other = response("ed.developer", startSignIn(browser, "/start"));
        other.destination = "https://other-sp.example.com/acs";
        assertRefused(browser, post(browser, other, null), "Destination");
    }

    @Test
    void aReplayedAssertionIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        StandInSamlIdp.Response first = response("ed.developer", null);
        assertThat(post(browser, first, null).statusCode()).isEqualTo(303);

        Browser attacker = server.newBrowser();
        assertRefused(attacker, post(attacker, first, null), "replay");
    }

    @Test
    void aResponseToARequestAnsweredAlreadyIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        String requestId = startSignIn(browser, "/start");
        assertThat(post(browser, response("ed.developer", requestId), null).statusCode()).isEqualTo(303);

        Browser other = server.newBrowser();
        assertRefused(other, post(other, response("ed.developer", requestId), null), "names no outstanding request");
    }

    @Test
    void anExpiredAssertionIsRefused() throws Exception {
        Browser browser = server.newBrowser();
        StandInSamlIdp.Response late = response("ed.developer", startSignIn(browser, "/start"));
        server.clock.advance(Duration.ofMinutes(8));  // five minutes' lifetime, 90 s skew
        assertRefused(browser, post(browser, late, null), "expired");
    }

    @Test
    void aRelayStateOffSiteIsNotFollowedAndTheRefusalIsAudited() {
        Browser browser = server.newBrowser();
        for (String offSite : List.of("https://evil.example.com/", "//evil.example.com", "/\\evil.example.com")) {
            HttpResponse<String> answer = post(browser, response("ed.developer", null), offSite);
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(Browser.location(answer)).isEqualTo("/start");
            AuditEvent refused = server.services.core().auditQueries().find(new AuditQuery(null,
                    "RedirectAfterSignIn", null, null, 1000)).stream()
                    .filter(event -> offSite.equals(event.requestParameters().get("target")))
                    .findFirst().orElseThrow();
            assertThat(refused.errorCode()).isNotNull();
        }
    }

    @Test
    void aDisabledUserIsRefusedWithAClearPage() throws Exception {
        Browser browser = server.newBrowser();
        HttpResponse<String> answer = post(browser, response("dora.disabled", startSignIn(browser, "/start")),
                null);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("is disabled");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
        assertThat(lastExternalAuthentication().errorCode()).isNotNull();
    }

    @Test
    void aResponseWithADoctypeIsRefused() {
        Browser browser = server.newBrowser();
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;</samlp:Response>";
        server.clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> answer = browser.post("/saml/acs", Map.of("SAMLResponse",
                Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8))));
        assertRefused(browser, answer, "DOCTYPE");
    }
}
