package dev.gatehouse.server.web.view.admin;

/**
 * The external SAML form's fields as typed: the IdP is read from its metadata URL, the rest says how its
 * assertions are used.
 *
 * @param userClaim    what the NameID holds: {@code preferred_username} or {@code email}
 * @param provisioning {@code scim} or {@code jit}
 */
public record SamlSourceForm(String metadataUrl, String userClaim, String provisioning, boolean allowIdpInitiated) {

    public static final SamlSourceForm EMPTY = new SamlSourceForm("", "preferred_username", "scim", false);
}
