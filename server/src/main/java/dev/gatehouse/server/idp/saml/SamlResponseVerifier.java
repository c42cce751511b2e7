package dev.gatehouse.server.idp.saml;

import static dev.gatehouse.server.idp.saml.SamlNames.ASSERTION;
import static dev.gatehouse.server.idp.saml.SamlNames.DSIG;
import static dev.gatehouse.server.idp.saml.SamlNames.PROTOCOL;
import static dev.gatehouse.server.idp.saml.SamlNames.attribute;
import static dev.gatehouse.server.idp.saml.SamlNames.child;
import static dev.gatehouse.server.idp.saml.SamlNames.children;
import static dev.gatehouse.server.idp.saml.SamlNames.text;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks a SAML 2.0 Response posted to the ACS (HTTP-POST binding), in the order of the SAML profiles (saml-profiles
 * §4.1.4.3, §4.1.4.5): it is parsed safely; it holds exactly one Assertion, a direct child of the Response (anything
 * else, including an EncryptedAssertion, is refused, which shuts out signature wrapping: the element checked is the
 * element used); the Response, the Assertion or both are signed by the IdP's configured key, and every signature
 * present must verify; Destination and the bearer confirmation's Recipient are this ACS; Issuer is the IdP; the
 * audience is this SP; NotBefore and NotOnOrAfter hold with {@link #MAX_CLOCK_SKEW}. What needs Gatehouse's own
 * memory, InResponseTo and replay, the caller checks with the result.
 */
public final class SamlResponseVerifier {

    /** Allowed clock difference with the IdP. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(90);

    /** What the response is checked against. */
    public record Expected(String idpEntityId, List<X509Certificate> idpCertificates, String spEntityId,
                           String acsUrl, Instant now) { }

    private SamlResponseVerifier() {
    }

    public static VerifiedAssertion verify(String samlResponse, Expected expected) throws SamlRefused {
        Element response = PostedSamlMessage.decode(samlResponse, "SAMLResponse", "Response");
        checkResponse(response, expected);
        Element assertion = theOneAssertion(response);
        checkSignatures(response, assertion, expected.idpCertificates());
        if (!expected.idpEntityId().equals(text(child(assertion, ASSERTION, "Issuer")))) {
            throw new SamlRefused("assertion issuer is " + text(child(assertion, ASSERTION, "Issuer"))
                    + ", not the IdP " + expected.idpEntityId());
        }
        String inResponseTo = attribute(response, "InResponseTo");
        Element subject = child(assertion, ASSERTION, "Subject");
        String nameId = subject == null ? null : text(child(subject, ASSERTION, "NameID"));
        if (nameId == null) {
            throw new SamlRefused("the assertion names no subject (NameID)");
        }
        Instant confirmedUntil = checkBearer(subject, inResponseTo, expected);
        Instant conditionsUntil = checkConditions(assertion, expected);
        Instant until = conditionsUntil == null || confirmedUntil.isBefore(conditionsUntil) ? confirmedUntil
                : conditionsUntil;
        String assertionId = attribute(assertion, "ID");
        return new VerifiedAssertion(expected.idpEntityId(), assertionId, inResponseTo, nameId,
                attributes(assertion), classRef(assertion), until.plus(MAX_CLOCK_SKEW));
    }

    private static void checkResponse(Element response, Expected expected) throws SamlRefused {
        String destination = attribute(response, "Destination");
        if (destination != null && !destination.equals(expected.acsUrl())) {
            throw new SamlRefused("response Destination is " + destination + ", not this ACS " + expected.acsUrl());
        }
        String issuer = text(child(response, ASSERTION, "Issuer"));
        if (issuer != null && !issuer.equals(expected.idpEntityId())) {
            throw new SamlRefused("response issuer is " + issuer + ", not the IdP " + expected.idpEntityId());
        }
        Element status = child(response, PROTOCOL, "Status");
        Element code = status == null ? null : child(status, PROTOCOL, "StatusCode");
        String value = attribute(code, "Value");
        if (!SamlNames.SUCCESS.equals(value)) {
            throw new SamlRefused("the IdP answered status " + value);
        }
    }

    private static Element theOneAssertion(Element response) throws SamlRefused {
        Document document = response.getOwnerDocument();
        if (document.getElementsByTagNameNS(ASSERTION, "EncryptedAssertion").getLength() > 0) {
            throw new SamlRefused("encrypted assertions are not supported");
        }
        int assertions = document.getElementsByTagNameNS(ASSERTION, "Assertion").getLength();
        List<Element> direct = children(response, ASSERTION, "Assertion");
        if (assertions != 1 || direct.size() != 1) {
            throw new SamlRefused("the response holds " + assertions + " assertions (" + direct.size()
                    + " in place), not exactly one");
        }
        return direct.getFirst();
    }

    /**
     * Only the Response and its one Assertion get their ID registered, so a signature can reference nothing else;
     * a signature anywhere but directly in one of them is refused.
     */
    private static void checkSignatures(Element response, Element assertion, List<X509Certificate> trusted)
            throws SamlRefused {
        String responseId = attribute(response, "ID");
        String assertionId = attribute(assertion, "ID");
        if (responseId == null || assertionId == null || responseId.equals(assertionId)) {
            throw new SamlRefused("the response and assertion need distinct IDs");
        }
        response.setIdAttributeNS(null, "ID", true);
        assertion.setIdAttributeNS(null, "ID", true);
        List<Element> onResponse = children(response, DSIG, "Signature");
        List<Element> onAssertion = children(assertion, DSIG, "Signature");
        int everywhere = response.getOwnerDocument().getElementsByTagNameNS(DSIG, "Signature").getLength();
        if (onResponse.size() > 1 || onAssertion.size() > 1 || everywhere != onResponse.size() + onAssertion.size()) {
            throw new SamlRefused("signatures out of place: " + everywhere + " in the document");
        }
        if (onResponse.isEmpty() && onAssertion.isEmpty()) {
            throw new SamlRefused("neither the response nor the assertion is signed");
        }
        if (!onResponse.isEmpty()) {
            EnvelopedSignature.verify(onResponse.getFirst(), response, trusted, "response");
        }
        if (!onAssertion.isEmpty()) {
            EnvelopedSignature.verify(onAssertion.getFirst(), assertion, trusted, "assertion");
        }
    }

    /** A bearer confirmation for this ACS, unexpired, answering the same request as the response. */
    private static Instant checkBearer(Element subject, String inResponseTo, Expected expected) throws SamlRefused {
        for (Element confirmation : children(subject, ASSERTION, "SubjectConfirmation")) {
            if (!SamlNames.BEARER.equals(attribute(confirmation, "Method"))) {
                continue;
            }
            Element data = child(confirmation, ASSERTION, "SubjectConfirmationData");
            String recipient = attribute(data, "Recipient");
            if (!expected.acsUrl().equals(recipient)) {
                throw new SamlRefused("bearer Recipient is " + recipient + ", not this ACS " + expected.acsUrl());
            }
            Instant notOnOrAfter = instant(data, "NotOnOrAfter");
            if (notOnOrAfter == null) {
                throw new SamlRefused("bearer confirmation without NotOnOrAfter");
            }
            if (!expected.now().isBefore(notOnOrAfter.plus(MAX_CLOCK_SKEW))) {
                throw new SamlRefused("bearer confirmation expired at " + notOnOrAfter);
            }
            Instant notBefore = instant(data, "NotBefore");
            if (notBefore != null && expected.now().plus(MAX_CLOCK_SKEW).isBefore(notBefore)) {
                throw new SamlRefused("bearer confirmation not valid before " + notBefore);
            }
            String answers = attribute(data, "InResponseTo");
            if (answers != null && !answers.equals(inResponseTo)) {
                throw new SamlRefused("bearer confirmation answers " + answers + ", the response " + inResponseTo);
            }
            return notOnOrAfter;
        }
        throw new SamlRefused("no bearer subject confirmation");
    }

    /** Conditions with an audience restriction naming this SP, valid now; returns its NotOnOrAfter, or null. */
    private static Instant checkConditions(Element assertion, Expected expected) throws SamlRefused {
        Element conditions = child(assertion, ASSERTION, "Conditions");
        if (conditions == null) {
            throw new SamlRefused("the assertion has no Conditions (audience)");
        }
        Instant notBefore = instant(conditions, "NotBefore");
        if (notBefore != null && expected.now().plus(MAX_CLOCK_SKEW).isBefore(notBefore)) {
            throw new SamlRefused("assertion not valid before " + notBefore);
        }
        Instant notOnOrAfter = instant(conditions, "NotOnOrAfter");
        if (notOnOrAfter != null && !expected.now().isBefore(notOnOrAfter.plus(MAX_CLOCK_SKEW))) {
            throw new SamlRefused("assertion expired at " + notOnOrAfter);
        }
        List<Element> restrictions = children(conditions, ASSERTION, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw new SamlRefused("the assertion has no audience restriction");
        }
        // Each restriction must be met (saml-core §2.5.1.4).
        for (Element restriction : restrictions) {
            List<String> audiences = new ArrayList<>();
            for (Element audience : children(restriction, ASSERTION, "Audience")) {
                audiences.add(text(audience));
            }
            if (!audiences.contains(expected.spEntityId())) {
                throw new SamlRefused("assertion is for audience " + audiences + ", not " + expected.spEntityId());
            }
        }
        return notOnOrAfter;
    }

    private static String classRef(Element assertion) {
        for (Element statement : children(assertion, ASSERTION, "AuthnStatement")) {
            Element context = child(statement, ASSERTION, "AuthnContext");
            String classRef = context == null ? null : text(child(context, ASSERTION, "AuthnContextClassRef"));
            if (classRef != null) {
                return classRef;
            }
        }
        return null;
    }

    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Element statement : children(assertion, ASSERTION, "AttributeStatement")) {
            for (Element attribute : children(statement, ASSERTION, "Attribute")) {
                String name = attribute(attribute, "Name");
                if (name == null) {
                    continue;
                }
                List<String> values = attributes.computeIfAbsent(name, n -> new ArrayList<>());
                for (Element value : children(attribute, ASSERTION, "AttributeValue")) {
                    String text = text(value);
                    if (text != null) {
                        values.add(text);
                    }
                }
            }
        }
        return attributes;
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
