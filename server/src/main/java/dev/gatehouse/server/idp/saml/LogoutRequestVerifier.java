package dev.gatehouse.server.idp.saml;

import static dev.gatehouse.server.idp.saml.SamlNames.ASSERTION;
import static dev.gatehouse.server.idp.saml.SamlNames.DSIG;
import static dev.gatehouse.server.idp.saml.SamlNames.PROTOCOL;
import static dev.gatehouse.server.idp.saml.SamlNames.attribute;
import static dev.gatehouse.server.idp.saml.SamlNames.child;
import static dev.gatehouse.server.idp.saml.SamlNames.children;
import static dev.gatehouse.server.idp.saml.SamlNames.text;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Checks a SAML 2.0 LogoutRequest the IdP posts back-channel (a form field {@code SAMLRequest}, base64, as the
 * HTTP-POST binding carries it; Keycloak sends it so to a SAML client's "Logout Service POST Binding URL"). Ending
 * sessions is as strong as signing in, so the request must carry exactly one enveloped signature, on the
 * LogoutRequest itself, verified by the IdP's configured certificates (never a key from the message); Issuer is the
 * IdP; Destination, when present, is this endpoint; NotOnOrAfter has not passed. A NameID names the person (an
 * EncryptedID is refused). The one-time use of the ID needs Gatehouse's memory: the caller checks it.
 */
public final class LogoutRequestVerifier {

    /** What a checked request says; {@code usableUntil} bounds how long its ID must be remembered. */
    public record VerifiedLogoutRequest(String issuer, String id, String nameId, List<String> sessionIndexes,
                                        Instant usableUntil) { }

    /** What the request is checked against. */
    public record Expected(String idpEntityId, List<X509Certificate> idpCertificates, String sloUrl, Instant now) { }

    private LogoutRequestVerifier() {
    }

    public static VerifiedLogoutRequest verify(String samlRequest, Expected expected) throws SamlRefused {
        Element request = PostedSamlMessage.decode(samlRequest, "SAMLRequest", "LogoutRequest");
        String id = attribute(request, "ID");
        if (id == null) {
            throw new SamlRefused("the logout request has no ID");
        }
        request.setIdAttributeNS(null, "ID", true);
        List<Element> signatures = children(request, DSIG, "Signature");
        int everywhere = request.getOwnerDocument().getElementsByTagNameNS(DSIG, "Signature").getLength();
        if (signatures.isEmpty()) {
            throw new SamlRefused("the logout request is not signed");
        }
        if (signatures.size() != 1 || everywhere != 1) {
            throw new SamlRefused("signatures out of place: " + everywhere + " in the logout request");
        }
        EnvelopedSignature.verify(signatures.getFirst(), request, expected.idpCertificates(), "logout request");
        String issuer = text(child(request, ASSERTION, "Issuer"));
        if (!expected.idpEntityId().equals(issuer)) {
            throw new SamlRefused("logout request issuer is " + issuer + ", not the IdP " + expected.idpEntityId());
        }
        String destination = attribute(request, "Destination");
        if (destination != null && !destination.equals(expected.sloUrl())) {
            throw new SamlRefused("logout request Destination is " + destination + ", not " + expected.sloUrl());
        }
        Instant notOnOrAfter = instant(request, "NotOnOrAfter");
        Instant issued = instant(request, "IssueInstant");
        if (notOnOrAfter != null
                && !expected.now().isBefore(notOnOrAfter.plus(SamlResponseVerifier.MAX_CLOCK_SKEW))) {
            throw new SamlRefused("logout request expired at " + notOnOrAfter);
        }
        if (issued == null || expected.now().plus(SamlResponseVerifier.MAX_CLOCK_SKEW).isBefore(issued)) {
            throw new SamlRefused("logout request IssueInstant " + issued + " missing or in the future");
        }
        if (child(request, ASSERTION, "EncryptedID") != null) {
            throw new SamlRefused("encrypted NameIDs are not supported");
        }
        String nameId = text(child(request, ASSERTION, "NameID"));
        if (nameId == null) {
            throw new SamlRefused("the logout request names no subject (NameID)");
        }
        List<String> sessionIndexes = children(request, PROTOCOL, "SessionIndex").stream()
                .map(SamlNames::text).toList();
        // Without NotOnOrAfter the ID is remembered as long as a request issued then could be accepted.
        Instant until = notOnOrAfter != null ? notOnOrAfter : issued.plus(SamlResponseVerifier.MAX_CLOCK_SKEW);
        return new VerifiedLogoutRequest(issuer, id, nameId, sessionIndexes,
                until.plus(SamlResponseVerifier.MAX_CLOCK_SKEW));
    }

    private static Instant instant(Element element, String name) throws SamlRefused {
        String value = attribute(element, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new SamlRefused(name + " is not an xs:dateTime in UTC: " + value);
        }
    }
}
