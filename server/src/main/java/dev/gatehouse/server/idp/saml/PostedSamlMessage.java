package dev.gatehouse.server.idp.saml;

import static dev.gatehouse.server.idp.saml.SamlNames.PROTOCOL;

import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A SAML protocol message as the HTTP-POST binding carries it: a base64 form field holding one XML document. */
final class PostedSamlMessage {

    /** Far more than any real message (a few KB), small enough that parsing one costs little. */
    static final int MAX_BYTES = 256 * 1024;

    private PostedSamlMessage() {
    }

    /**
     * The root element of the message in form field {@code field}, refused unless it decodes, parses safely (no
     * DOCTYPE) and is a SAML 2.0 protocol {@code expectedRoot}.
     */
    static Element decode(String encoded, String field, String expectedRoot) throws SamlRefused {
        if (encoded == null || encoded.isBlank()) {
            throw new SamlRefused("no " + field + " in the post");
        }
        if (encoded.length() > MAX_BYTES * 4 / 3 + 4) {
            throw new SamlRefused(field + " larger than " + MAX_BYTES + " bytes");
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new SamlRefused(field + " is not base64", e);
        }
        Document document;
        try {
            document = SafeXml.parse(xml);
        } catch (SafeXml.NotAccepted e) {
            throw new SamlRefused(field + " refused", e);
        }
        Element root = document.getDocumentElement();
        if (!PROTOCOL.equals(root.getNamespaceURI()) || !expectedRoot.equals(root.getLocalName())) {
            throw new SamlRefused("not a SAML 2.0 " + expectedRoot + " but " + root.getLocalName());
        }
        return root;
    }
}
