package dev.gatehouse.server.idp.saml;

import static dev.gatehouse.server.idp.saml.SamlNames.DSIG;
import static dev.gatehouse.server.idp.saml.SamlNames.METADATA;
import static dev.gatehouse.server.idp.saml.SamlNames.attribute;
import static dev.gatehouse.server.idp.saml.SamlNames.children;
import static dev.gatehouse.server.idp.saml.SamlNames.text;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Gatehouse reads from an IdP's SAML metadata (an EntityDescriptor, or the first one with an IDPSSODescriptor
 * in an EntitiesDescriptor): its entity id, its HTTP-Redirect single sign-on URL, and its signing certificates
 * (KeyDescriptors for signing or for any use). The metadata's own signature is not checked: an administrator
 * imports it once, over https from the IdP or from a file they downloaded, and reads what was imported in
 * {@code identity-source show}.
 */
public record IdpMetadata(String entityId, String ssoUrl, List<String> signingCertificates) {

    private static final int MAX_BYTES = 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public static IdpMetadata parse(byte[] xml) throws SamlRefused {
        if (xml.length > MAX_BYTES) {
            throw new SamlRefused("metadata larger than " + MAX_BYTES + " bytes");
        }
        Element root;
        try {
            root = SafeXml.parse(xml).getDocumentElement();
        } catch (SafeXml.NotAccepted e) {
            throw new SamlRefused("metadata refused", e);
        }
        Element entity = entity(root);
        Element idp = children(entity, METADATA, "IDPSSODescriptor").getFirst();
        String ssoUrl = null;
        for (Element service : children(idp, METADATA, "SingleSignOnService")) {
            if (SamlNames.HTTP_REDIRECT.equals(attribute(service, "Binding"))) {
                ssoUrl = attribute(service, "Location");
                break;
            }
        }
        if (ssoUrl == null) {
            throw new SamlRefused("the IdP offers no HTTP-Redirect SingleSignOnService");
        }
        List<String> certificates = new ArrayList<>();
        for (Element key : children(idp, METADATA, "KeyDescriptor")) {
            String use = attribute(key, "use");
            if (use != null && !use.equals("signing")) {
                continue;
            }
            NodeList found = key.getElementsByTagNameNS(DSIG, "X509Certificate");
            for (int i = 0; i < found.getLength(); i++) {
                String text = text((Element) found.item(i));
                String certificate = text == null ? null : text.replaceAll("\\s", "");
                if (certificate != null && !certificates.contains(certificate)) {
                    certificates.add(certificate);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new SamlRefused("the IdP metadata has no signing certificate");
        }
        return new IdpMetadata(attribute(entity, "entityID"), ssoUrl, List.copyOf(certificates));
    }

    /**
     * Reads metadata from the IdP's URL: https only (plain http on a loopback address, for tests), since the
     * certificates in it decide which signatures Gatehouse trusts.
     */
    public static IdpMetadata fetch(URI url) throws SamlRefused {
        String host = url.getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        if (!"https".equals(url.getScheme()) && !("http".equals(url.getScheme()) && loopback)) {
            throw new SamlRefused("the metadata URL must be https (http only on loopback): " + url);
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new SamlRefused("metadata URL answered HTTP " + response.statusCode());
                }
                return parse(body.readNBytes(MAX_BYTES + 1));
            }
        } catch (IOException e) {
            throw new SamlRefused("cannot read metadata from " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SamlRefused("interrupted reading metadata from " + url, e);
        }
    }

    private static Element entity(Element root) throws SamlRefused {
        if (METADATA.equals(root.getNamespaceURI()) && "EntityDescriptor".equals(root.getLocalName())
                && !children(root, METADATA, "IDPSSODescriptor").isEmpty()) {
            return root;
        }
        if (METADATA.equals(root.getNamespaceURI()) && "EntitiesDescriptor".equals(root.getLocalName())) {
            for (Element entity : children(root, METADATA, "EntityDescriptor")) {
                if (!children(entity, METADATA, "IDPSSODescriptor").isEmpty()) {
                    return entity;
                }
            }
        }
        throw new SamlRefused("not SAML metadata of an identity provider (no IDPSSODescriptor)");
    }
}
