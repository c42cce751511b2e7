package dev.gatehouse.core.identitysource;

import java.util.List;

/**
 * What Gatehouse needs to know about a SAML 2.0 identity provider, usually read from its metadata.
 *
 * @param ssoUrl               where the AuthnRequest goes (the IdP's HTTP-Redirect SingleSignOnService)
 * @param signingCertificates  the IdP's signing certificates, base64 DER: a response or assertion must be signed by
 *                             one of them, whatever certificate the message itself carries; more than one during a
 *                             key rollover
 * @param idpInitiatedAllowed  whether an assertion Gatehouse did not ask for (no InResponseTo) may sign someone in
 * @param userAttribute        the attribute naming the user, or null for the NameID
 * @param metadataUrl          where the metadata was imported from, or null when it came from a file
 */
public record SamlSettings(String ssoUrl, List<String> signingCertificates, boolean idpInitiatedAllowed,
                           String userAttribute, String metadataUrl) {

    public SamlSettings {
        signingCertificates = List.copyOf(signingCertificates);
    }
}
