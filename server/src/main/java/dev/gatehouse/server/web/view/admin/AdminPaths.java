package dev.gatehouse.server.web.view.admin;

import java.nio.charset.StandardCharsets;

/**
 * The console's addresses. Names are path segments, so each is percent-encoded whole: a group called
 * "Ops/EU" stays one segment ({@code Ops%2FEU}), and the router decodes it back.
 */
public final class AdminPaths {

    public static final String ROOT = "/admin";
    public static final String USERS = ROOT + "/users";
    public static final String GROUPS = ROOT + "/groups";
    public static final String ACCOUNTS = ROOT + "/accounts";
    public static final String PERMISSION_SETS = ROOT + "/permission-sets";
    public static final String EVENTS = ROOT + "/events";
    public static final String SIMULATE = ROOT + "/simulate";
    public static final String IDENTITY_SOURCE = ROOT + "/identity-source";
    public static final String IDENTITY_SOURCE_EXTERNAL_OIDC = IDENTITY_SOURCE + "/external-oidc";
    public static final String IDENTITY_SOURCE_EXTERNAL_SAML = IDENTITY_SOURCE + "/external-saml";
    public static final String IDENTITY_SOURCE_BUILT_IN = IDENTITY_SOURCE + "/built-in";
    public static final String IDENTITY_SOURCE_LDAP = IDENTITY_SOURCE + "/ldap";
    public static final String IDENTITY_SOURCE_LDAP_TEST = IDENTITY_SOURCE_LDAP + "/test";
    public static final String SCIM_TOKENS = ROOT + "/scim";
    public static final String MAIL = ROOT + "/mail";

    private AdminPaths() {
    }

    public static String user(String userName) {
        return USERS + "/" + segment(userName);
    }

    public static String group(String displayName) {
        return GROUPS + "/" + segment(displayName);
    }

    public static String account(String accountId) {
        return ACCOUNTS + "/" + segment(accountId);
    }

    public static String permissionSet(String name) {
        return PERMISSION_SETS + "/" + segment(name);
    }

    /** Where the SCIM token's delete form posts. */
    public static String scimTokenDelete(String tokenId) {
        return SCIM_TOKENS + "/" + segment(tokenId) + "/delete";
    }

    /** The simulate page with the permission set filled in. */
    public static String simulate(String permissionSet) {
        return SIMULATE + "?permissionSet=" + segment(permissionSet);
    }

    /** Also right for a query value: only the RFC 3986 unreserved characters stay as they are. */
    public static String segment(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
