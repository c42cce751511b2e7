package dev.gatehouse.server.idp.saml;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Gatehouse as a SAML 2.0 service provider: its entity id and ACS URL (both stable, derived from the public URL),
 * its metadata, and the AuthnRequest it sends through the HTTP-Redirect binding, signed as that binding signs
 * (saml-bindings §3.4.4.1: RSA-SHA256 over the query string, not an XML signature).
 */
public final class ServiceProvider {

    public static final String METADATA_PATH = "/saml/metadata";
    public static final String ACS_PATH = "/saml/acs";
    /** Where the IdP posts LogoutRequests back-channel. */
    public static final String SLO_PATH = "/saml/slo";
    private static final String SIG_ALG = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private final String entityId;
    private final String acsUrl;
    private final String sloUrl;

    public ServiceProvider(String publicUrl) {
        this.entityId = publicUrl + METADATA_PATH;
        this.acsUrl = publicUrl + ACS_PATH;
        this.sloUrl = publicUrl + SLO_PATH;
    }

    /** The metadata URL itself, as is usual, so the entity id also says where to read the metadata. */
    public String entityId() {
        return entityId;
    }

    public String acsUrl() {
        return acsUrl;
    }

    public String sloUrl() {
        return sloUrl;
    }

    /** The SP's EntityDescriptor, with its signing certificate (base64 DER). */
    public String metadata(String certificate) {
        Document document = SafeXml.builder().newDocument();
        Element entity = document.createElementNS(SamlNames.METADATA, "md:EntityDescriptor");
        entity.setAttribute("entityID", entityId);
        document.appendChild(entity);
        Element sp = add(entity, SamlNames.METADATA, "md:SPSSODescriptor");
        sp.setAttribute("AuthnRequestsSigned", "true");
        sp.setAttribute("protocolSupportEnumeration", SamlNames.PROTOCOL);
        Element key = add(sp, SamlNames.METADATA, "md:KeyDescriptor");
        key.setAttribute("use", "signing");
        Element x509 = add(add(add(key, SamlNames.DSIG, "ds:KeyInfo"), SamlNames.DSIG, "ds:X509Data"),
                SamlNames.DSIG, "ds:X509Certificate");
        x509.setTextContent(certificate);
        // Schema order: KeyDescriptor, SingleLogoutService, NameIDFormat, AssertionConsumerService.
        Element slo = add(sp, SamlNames.METADATA, "md:SingleLogoutService");
        slo.setAttribute("Binding", SamlNames.HTTP_POST);
        slo.setAttribute("Location", sloUrl);
        Element acs = add(sp, SamlNames.METADATA, "md:AssertionConsumerService");
        acs.setAttribute("Binding", SamlNames.HTTP_POST);
        acs.setAttribute("Location", acsUrl);
        acs.setAttribute("index", "0");
        acs.setAttribute("isDefault", "true");
        return serialize(document);
    }

    /**
     * The IdP's SSO URL carrying a signed AuthnRequest and the RelayState.
     *
     * @param privateKey the SP's PKCS#8 private key
     */
    public URI authnRequestUrl(String ssoUrl, String requestId, String relayState, byte[] privateKey, Instant now) {
        Document document = SafeXml.builder().newDocument();
        Element request = document.createElementNS(SamlNames.PROTOCOL, "samlp:AuthnRequest");
        request.setAttribute("ID", requestId);
        request.setAttribute("Version", "2.0");
        request.setAttribute("IssueInstant", now.truncatedTo(ChronoUnit.SECONDS).toString());
        request.setAttribute("Destination", ssoUrl);
        request.setAttribute("AssertionConsumerServiceURL", acsUrl);
        request.setAttribute("ProtocolBinding", SamlNames.HTTP_POST);
        document.appendChild(request);
        add(request, SamlNames.ASSERTION, "saml:Issuer").setTextContent(entityId);
        add(request, SamlNames.PROTOCOL, "samlp:NameIDPolicy").setAttribute("AllowCreate", "true");
        String query = "SAMLRequest=" + encode(deflate(serialize(document))) + "&RelayState=" + encode(relayState)
                + "&SigAlg=" + encode(SIG_ALG);
        String signature = Base64.getEncoder().encodeToString(sign(query, privateKey));
        return URI.create(ssoUrl + (ssoUrl.contains("?") ? "&" : "?") + query + "&Signature=" + encode(signature));
    }

    /**
     * The LogoutResponse answering a back-channel LogoutRequest: Success, or Requester when it was refused
     * ({@code inResponseTo} null when the request could not be read).
     */
    public String logoutResponse(String responseId, String inResponseTo, boolean success, Instant now) {
        Document document = SafeXml.builder().newDocument();
        Element response = document.createElementNS(SamlNames.PROTOCOL, "samlp:LogoutResponse");
        response.setAttribute("ID", responseId);
        response.setAttribute("Version", "2.0");
        response.setAttribute("IssueInstant", now.truncatedTo(ChronoUnit.SECONDS).toString());
        if (inResponseTo != null) {
            response.setAttribute("InResponseTo", inResponseTo);
        }
        document.appendChild(response);
        add(response, SamlNames.ASSERTION, "saml:Issuer").setTextContent(entityId);
        add(add(response, SamlNames.PROTOCOL, "samlp:Status"), SamlNames.PROTOCOL, "samlp:StatusCode")
                .setAttribute("Value", success ? SamlNames.SUCCESS : SamlNames.REQUESTER);
        return serialize(document);
    }

    private static Element add(Element parent, String namespace, String name) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(child);
        return child;
    }

    private static String serialize(Document document) {
        try {
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write SAML XML", e);
        }
    }

    /** Raw DEFLATE, then base64 (saml-bindings §3.4.4.1). */
    private static String deflate(String xml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFLATED, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static byte[] sign(String query, byte[] privateKey) {
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(query.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the AuthnRequest", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
