package dev.gatehouse.core.identitysource;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a sign-in through the external provider must show a second factor, and what counts as showing it. When
 * the provider authenticates, Gatehouse asks for no factor of its own; this lets an administrator refuse a sign-in
 * the provider let through with a password alone. Shown by an {@code amr} (RFC 8176) naming {@code mfa} or a
 * second-factor method, or by an {@code acr} (OIDC) / {@code AuthnContextClassRef} (SAML) among the configured
 * values, since providers name their levels differently (Okta {@code urn:okta:loa:2fa:any}, Keycloak a level
 * number).
 */
public record IdpMfa(boolean required, List<String> acrValues) {

    public static final IdpMfa NOT_REQUIRED = new IdpMfa(false, List.of());

    /** RFC 8176 methods that are a factor beyond a password: one of them present means MFA happened. */
    private static final Set<String> SECOND_FACTOR_METHODS = Set.of("mfa", "mca", "otp", "hwk", "swk", "sms",
            "tel", "sc", "face", "fpt", "iris", "retina", "vbm");
    private static final int MAX_ACR_VALUES = 16;
    private static final int MAX_ACR_LENGTH = 256;

    public IdpMfa {
        acrValues = acrValues == null ? List.of() : acrValues.stream().map(String::strip)
                .filter(v -> !v.isEmpty()).distinct().toList();
        if (acrValues.size() > MAX_ACR_VALUES || acrValues.stream().anyMatch(v -> v.length() > MAX_ACR_LENGTH || v.chars().anyMatch(Character::isWhitespace))) {
            // Without spaces, as in OIDC's space-separated acr_values; that is also how they are stored.
            throw new IllegalArgumentException("at most " + MAX_ACR_VALUES + " acr values of at most "
                    + MAX_ACR_LENGTH + " characters, without spaces");
        }
    }

    public static IdpMfa required(List<String> acrValues) {
        return new IdpMfa(true, acrValues);
    }

    /** True when MFA is not required, or the provider's answer shows it. */
    public boolean satisfiedBy(List<String> amr, String acr) {
        if (!required) {
            return true;
        }
        if (amr != null && amr.stream().map(m -> m.toLowerCase(Locale.ROOT)).anyMatch(SECOND_FACTOR_METHODS::contains)) {
            return true;
        }
        return acr != null && acrValues.contains(acr);
    }
}
