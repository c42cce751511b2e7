package dev.gatehouse.server.web.view.admin;

/**
 * The external OpenID Connect form's fields as typed; the client secret is never shown again.
 *
 * @param userClaim    {@code preferred_username} or {@code email}
 * @param provisioning {@code scim} or {@code jit}
 * @param mfaAcr       the acr values that count as MFA, comma-separated
 */
public record IdentitySourceForm(String issuer, String clientId, String userClaim, String provisioning,
                                 String groupsClaim, boolean requireIdpMfa, String mfaAcr) {

    public static final IdentitySourceForm EMPTY = new IdentitySourceForm("", "", "preferred_username", "scim", "",
            false, "");
}
