package dev.gatehouse.core.oidc;

import java.util.Set;

/** The OAuth grant types sso-oidc knows, as clients spell them. */
public final class GrantTypes {

    public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String AUTHORIZATION_CODE = "authorization_code";

    static final Set<String> REGISTRABLE = Set.of(DEVICE_CODE, REFRESH_TOKEN, AUTHORIZATION_CODE);

    private GrantTypes() {
    }
}
