package dev.gatehouse.core.identitysource;

import java.time.Instant;

/**
 * Where people sign in, one at a time as in IAM Identity Center: the built-in directory (passwords and Gatehouse's
 * own MFA), an external OpenID Connect provider, or an external SAML 2.0 identity provider. The client secret is
 * kept sealed ({@link IdentitySources}).
 *
 * @param issuer              the provider's issuer URL, or the SAML IdP's entity id (external only, else null)
 * @param clientId            Gatehouse's client id at the provider (external only)
 * @param sealedClientSecret  the client secret, sealed (external only)
 * @param userClaim           the ID-token claim that names the Gatehouse user (external only)
 * @param provisioning        how users come to exist (external only)
 * @param groupsClaim         just-in-time only: the claim listing the person's groups, or null to leave
 *                            memberships to the administrators
 * @param idpMfa              whether the provider must show that it asked for a second factor
 * @param saml                the SAML IdP's endpoint and keys (SAML only, else null); the user claim then says
 *                            whether the NameID or the user attribute holds a user name or an email
 * @param ldap                the directory's URLs, bind account and mapping (LDAP only, else null); the bind
 *                            account's password is then the sealed client secret
 */
public record IdentitySource(Kind kind, String issuer, String clientId, String sealedClientSecret,
                             UserClaim userClaim, Provisioning provisioning, String groupsClaim, IdpMfa idpMfa,
                             Instant updatedAt, SamlSettings saml, LdapSettings ldap) {

    /** LDAP: people sign in on Gatehouse's own page with their directory password (docs/identity-sources.md). */
    public enum Kind { BUILT_IN, EXTERNAL_OIDC, EXTERNAL_SAML, LDAP }

    /** The claim matched, ignoring case, against a user name ({@code preferred_username}) or an email. */
    public enum UserClaim {
        PREFERRED_USERNAME("preferred_username"), EMAIL("email");

        private final String claimName;

        UserClaim(String claimName) {
            this.claimName = claimName;
        }

        public String claimName() {
            return claimName;
        }

        public static UserClaim ofClaimName(String name) {
            for (UserClaim claim : values()) {
                if (claim.claimName.equals(name)) {
                    return claim;
                }
            }
            throw new IllegalArgumentException("user claim must be preferred_username or email, not " + name);
        }
    }

    /**
     * SCIM: users must have been provisioned before they sign in, as in IAM Identity Center. JIT: a sign-in creates
     * or updates the user from the provider's claims, and sets their groups from the groups claim.
     */
    public enum Provisioning { SCIM, JIT }

    public IdentitySource {
        idpMfa = idpMfa == null ? IdpMfa.NOT_REQUIRED : idpMfa;
    }

    /** A source without directory settings. */
    public IdentitySource(Kind kind, String issuer, String clientId, String sealedClientSecret, UserClaim userClaim,
                          Provisioning provisioning, String groupsClaim, IdpMfa idpMfa, Instant updatedAt,
                          SamlSettings saml) {
        this(kind, issuer, clientId, sealedClientSecret, userClaim, provisioning, groupsClaim, idpMfa, updatedAt, saml,
                null);
    }

    /** A source without SAML settings: the built-in directory or an OpenID Connect provider. */
    public IdentitySource(Kind kind, String issuer, String clientId, String sealedClientSecret, UserClaim userClaim,
                          Provisioning provisioning, String groupsClaim, IdpMfa idpMfa, Instant updatedAt) {
        this(kind, issuer, clientId, sealedClientSecret, userClaim, provisioning, groupsClaim, idpMfa, updatedAt,
                null);
    }

    public static IdentitySource builtIn(Instant at) {
        return new IdentitySource(Kind.BUILT_IN, null, null, null, null, null, null, IdpMfa.NOT_REQUIRED, at);
    }

    /** Whether the browser signs in at another party's page (OIDC, SAML); an LDAP source uses Gatehouse's own. */
    public boolean external() {
        return kind == Kind.EXTERNAL_OIDC || kind == Kind.EXTERNAL_SAML;
    }
}
