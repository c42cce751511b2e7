package dev.gatehouse.server.idp.saml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** SAML 2.0's namespaces and URIs, and reading direct children by namespace, never by prefix. */
final class SamlNames {

    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    static final String REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    static final String HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private SamlNames() {
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The only such child, or null when there is none; more than one is the caller's to refuse. */
    static Element child(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The element's text, or null; null also for a missing element. */
    static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    /** An attribute's value, or null when it is absent (DOM answers "" for both). */
    static String attribute(Element element, String name) {
        return element != null && element.hasAttributeNS(null, name) ? element.getAttributeNS(null, name) : null;
    }
}
