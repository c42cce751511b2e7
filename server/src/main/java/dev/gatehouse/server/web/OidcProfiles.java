package dev.gatehouse.server.web;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.signin.ExternalProfile;
import java.util.Collection;
import java.util.List;

/**
 * The standard OIDC profile claims ({@code email}, {@code given_name}, {@code family_name}, {@code name}) and the
 * configured groups claim, read from a verified ID token for just-in-time provisioning. Providers send groups as
 * an array of names (Keycloak, Okta) or, with one group, sometimes as a single string; an absent claim means no
 * groups.
 */
final class OidcProfiles {

    private OidcProfiles() {
    }

    static ExternalProfile of(IDTokenClaimsSet claims, IdentitySource source) {
        return new ExternalProfile(text(claims, "email"), text(claims, "given_name"), text(claims, "family_name"),
                text(claims, "name"),
                        source.groupsClaim() == null ? null : groups(claims.getClaim(source.groupsClaim())));
    }

    private static String text(IDTokenClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String value ? value : null;
    }

    private static List<String> groups(Object claim) {
        if (claim instanceof String single) {
            return List.of(single);
        }
        if (claim instanceof Collection<?> many) {
            return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
