package dev.gatehouse.server.web;

import dev.gatehouse.server.idp.saml.SpKeyGenerator;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A stand-in SAML IdP for page tests: its own key and certificate (and another key an attacker might hold), and a
 * builder of Responses, signed with Santuario as an IdP signs them, each field changeable for an attack.
 */
final class StandInSamlIdp {

    static final String ENTITY_ID = "https://idp.example.com/saml";
    static final String SSO_URL = "https://idp.example.com/saml/sso";
    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

    static {
        Init.init();
    }

    record Key(PrivateKey privateKey, X509Certificate certificate, String base64) { }

    final Key key;
    final Key otherKey;

    StandInSamlIdp(Clock clock) {
        this.key = key(clock);
        this.otherKey = key(clock);
    }

    private static Key key(Clock clock) {
        try {
            var made = new SpKeyGenerator(clock).generate();
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(made.privateKey()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(made.certificate())));
            return new Key(privateKey, certificate, made.certificate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The IdP's metadata, as an administrator would download it. */
    String metadata() {
        return """
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s">
                  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>
                        <ds:X509Certificate>%s</ds:X509Certificate>
                      </ds:X509Data></ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                        Location="%s"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>""".formatted(ENTITY_ID, key.base64(), SSO_URL + "/post", SSO_URL);
    }

    /** A response as a well-behaved IdP sends it; change a field to make an attack. */
    final class Response {
        String issuer = ENTITY_ID;
        String destination;
        String recipient;
        String audience;
        String inResponseTo;
        String nameId;
        String assertionId = "_a" + UUID.randomUUID();
        String classRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
        Instant issuedAt;
        Duration lifetime = Duration.ofMinutes(5);
        Key signingKey = key;
        boolean signResponse = true;
        boolean signAssertion = false;
        /** Someone else's assertion placed before the signed one (signature wrapping). */
        String wrappedNameId;
        /** The assertion's valid signature moved out of it, into the Response. */
        boolean assertionSignatureOnResponse;

        Response(String acsUrl, String spEntityId, Instant now, String nameId, String inResponseTo) {
            this.destination = acsUrl;
            this.recipient = acsUrl;
            this.audience = spEntityId;
            this.issuedAt = now;
            this.nameId = nameId;
            this.inResponseTo = inResponseTo;
        }

        /** Base64, as the HTTP-POST binding carries it. */
        String encoded() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document document = factory.newDocumentBuilder().newDocument();
                Element response = document.createElementNS(PROTOCOL, "samlp:Response");
                response.setAttribute("ID", "_r" + UUID.randomUUID());
                response.setAttribute("Version", "2.0");
                response.setAttribute("IssueInstant", issuedAt.toString());
                response.setAttribute("Destination", destination);
                if (inResponseTo != null) {
                    response.setAttribute("InResponseTo", inResponseTo);
                }
                document.appendChild(response);
                text(response, ASSERTION, "saml:Issuer", issuer);
                Element status = add(response, PROTOCOL, "samlp:Status");
                add(status, PROTOCOL, "samlp:StatusCode").setAttribute("Value",
                        "urn:oasis:names:tc:SAML:2.0:status:Success");
                if (wrappedNameId != null) {
                    assertion(response, "_evil" + UUID.randomUUID(), wrappedNameId);
                }
                assertion(response, assertionId, nameId);
                // Signed as parsed, so the namespace declarations the signature covers are those on the wire.
                Document parsed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                        serialize(document).getBytes(StandardCharsets.UTF_8)));
                Element root = parsed.getDocumentElement();
                if (signAssertion) {
                    var assertions = parsed.getElementsByTagNameNS(ASSERTION, "Assertion");
                    Element signed = (Element) assertions.item(assertions.getLength() - 1);
                    sign(signed, signingKey);
                    if (assertionSignatureOnResponse) {
                        Element signature = (Element) signed.getElementsByTagNameNS(
                                "http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
                        root.insertBefore(signature, root.getFirstChild().getNextSibling());
                    }
                }
                if (signResponse) {
                    sign(root, signingKey);
                }
                return Base64.getEncoder().encodeToString(serialize(parsed).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private Element assertion(Element response, String id, String subjectName) {
            Element assertion = add(response, ASSERTION, "saml:Assertion");
            assertion.setAttribute("ID", id);
            assertion.setAttribute("Version", "2.0");
            assertion.setAttribute("IssueInstant", issuedAt.toString());
            text(assertion, ASSERTION, "saml:Issuer", issuer);
            Element subject = add(assertion, ASSERTION, "saml:Subject");
            text(subject, ASSERTION, "saml:NameID", subjectName);
            Element confirmation = add(subject, ASSERTION, "saml:SubjectConfirmation");
            confirmation.setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
            Element data = add(confirmation, ASSERTION, "saml:SubjectConfirmationData");
            data.setAttribute("Recipient", recipient);
            data.setAttribute("NotOnOrAfter", issuedAt.plus(lifetime).toString());
            if (inResponseTo != null) {
                data.setAttribute("InResponseTo", inResponseTo);
            }
            Element conditions = add(assertion, ASSERTION, "saml:Conditions");
            conditions.setAttribute("NotBefore", issuedAt.minusSeconds(5).toString());
            conditions.setAttribute("NotOnOrAfter", issuedAt.plus(lifetime).toString());
            text(add(conditions, ASSERTION, "saml:AudienceRestriction"), ASSERTION, "saml:Audience", audience);
            Element authn = add(assertion, ASSERTION, "saml:AuthnStatement");
            authn.setAttribute("AuthnInstant", issuedAt.toString());
            text(add(authn, ASSERTION, "saml:AuthnContext"), ASSERTION, "saml:AuthnContextClassRef", classRef);
            Element attributes = add(assertion, ASSERTION, "saml:AttributeStatement");
            Element email = add(attributes, ASSERTION, "saml:Attribute");
            email.setAttribute("Name", "email");
            text(email, ASSERTION, "saml:AttributeValue", subjectName + "@example.com");
            return assertion;
        }
    }

    /** A back-channel LogoutRequest as a well-behaved IdP posts it; change a field to make an attack. */
    final class LogoutRequest {
        String id = "_l" + UUID.randomUUID();
        String issuer = ENTITY_ID;
        String destination;
        String nameId;
        String sessionIndex = "idp-session-1";
        Instant issuedAt;
        Duration lifetime = Duration.ofMinutes(1);
        Key signingKey = key;
        boolean signed = true;
        /** Set after signing, so the signature no longer matches what is read. */
        String nameIdAfterSigning;

        LogoutRequest(String sloUrl, Instant now, String nameId) {
            this.destination = sloUrl;
            this.issuedAt = now;
            this.nameId = nameId;
        }

        /** Base64, as the HTTP-POST binding carries it. */
        String encoded() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document document = factory.newDocumentBuilder().newDocument();
                Element request = document.createElementNS(PROTOCOL, "samlp:LogoutRequest");
                request.setAttribute("ID", id);
                request.setAttribute("Version", "2.0");
                request.setAttribute("IssueInstant", issuedAt.toString());
                request.setAttribute("NotOnOrAfter", issuedAt.plus(lifetime).toString());
                request.setAttribute("Destination", destination);
                document.appendChild(request);
                text(request, ASSERTION, "saml:Issuer", issuer);
                text(request, ASSERTION, "saml:NameID", nameId);
                text(request, PROTOCOL, "samlp:SessionIndex", sessionIndex);
                Document parsed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                        serialize(document).getBytes(StandardCharsets.UTF_8)));
                if (signed) {
                    sign(parsed.getDocumentElement(), signingKey);
                }
                if (nameIdAfterSigning != null) {
                    parsed.getElementsByTagNameNS(ASSERTION, "NameID").item(0).setTextContent(nameIdAfterSigning);
                }
                return Base64.getEncoder().encodeToString(serialize(parsed).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String serialize(Document document) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }

    /** An enveloped signature placed right after the Issuer, as the schema wants it. */
    private static void sign(Element element, Key key) throws Exception {
        Document document = element.getOwnerDocument();
        XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        element.insertBefore(signature.getElement(), element.getFirstChild().getNextSibling());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        element.setIdAttributeNS(null, "ID", true);
        signature.addDocument("#" + element.getAttribute("ID"), transforms,
                "http://www.w3.org/2001/04/xmlenc#sha256");
        signature.addKeyInfo(key.certificate());
        signature.sign(key.privateKey());
    }

    private static Element add(Element parent, String namespace, String name) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(child);
        return child;
    }

    private static void text(Element parent, String namespace, String name, String value) {
        add(parent, namespace, name).setTextContent(value);
    }
}
