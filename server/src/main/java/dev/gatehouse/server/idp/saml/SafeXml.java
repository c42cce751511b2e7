package dev.gatehouse.server.idp.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses XML that comes from outside (SAML responses, IdP metadata) with the parser locked down: no DOCTYPE at all
 * (so no entity expansion bombs and no external entities), no XInclude, no external schemas or stylesheets.
 * Namespace-aware, as signatures and SAML's elements are told apart by namespace.
 */
final class SafeXml {

    /** Why a document was not accepted. */
    static final class NotAccepted extends Exception {
        NotAccepted(String reason, Throwable cause) {
            super(reason + ": " + cause.getMessage(), cause);
        }
    }

    private SafeXml() {
    }

    static Document parse(byte[] xml) throws NotAccepted {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new NotAccepted("not well-formed XML, or XML with a DOCTYPE", e);
        }
    }

    /** A builder for documents Gatehouse writes itself. */
    static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Never let a parse reach for anything outside the document, nor print to stderr.
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }
}
