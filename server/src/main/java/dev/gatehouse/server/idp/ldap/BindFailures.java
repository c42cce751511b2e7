package dev.gatehouse.server.idp.ldap;

import dev.gatehouse.core.identitysource.LdapDirectory.BindResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a refused bind means. Active Directory says why in its diagnostic message ({@code ..., data 52e, ...}): 52e
 * wrong password, 533 disabled, 701 an account past its expiry date, 775 locked, 532 and 773 an expired password or
 * one that must be changed (Samba AD gives the same codes). Other directories say only "invalid credentials".
 */
final class BindFailures {

    private static final Pattern AD_DATA = Pattern.compile("data ([0-9a-fA-F]{3,4})");

    private BindFailures() {
    }

    static BindResult of(String diagnosticMessage) {
        if (diagnosticMessage == null) {
            return BindResult.WRONG_PASSWORD;
        }
        Matcher data = AD_DATA.matcher(diagnosticMessage);
        if (!data.find()) {
            return BindResult.WRONG_PASSWORD;
        }
        return switch (data.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "533" -> BindResult.DISABLED;
            case "701" -> BindResult.ACCOUNT_EXPIRED;
            case "775" -> BindResult.LOCKED;
            case "532", "773" -> BindResult.PASSWORD_EXPIRED;
            default -> BindResult.WRONG_PASSWORD;
        };
    }
}
