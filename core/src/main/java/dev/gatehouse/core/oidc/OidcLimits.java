package dev.gatehouse.core.oidc;

import dev.gatehouse.core.error.Inputs;

/**
 * How much sso-oidc takes in each member. The sso-oidc model gives none of its shapes a {@code min} or
 * {@code max}, so these are Gatehouse's, far above what the AWS CLI and SDKs send (a client name such as
 * {@code botocore-client-my-session}, one or two scopes, secrets and tokens of under a hundred characters) and far
 * below what could fill a database: nothing an unauthenticated caller sends is stored or audited unbounded.
 */
final class OidcLimits {

    static final int CLIENT_NAME = 256;
    static final int CLIENT_TYPE = 64;
    /** The scope pattern bounds each scope to 256 characters. */
    static final int SCOPES = 50;
    static final int SCOPE = 256;
    static final int GRANT_TYPES = 10;
    static final int GRANT_TYPE = 256;
    static final int REDIRECT_URIS = 10;
    static final int URI = 2048;
    static final int CLIENT_ID = 256;
    /** Client secrets, device codes, authorization codes, refresh tokens. */
    static final int SECRET = 4096;
    /** RFC 7636 §4.1: 43 to 128 characters. */
    static final int CODE_VERIFIER = 128;

    private OidcLimits() {
    }

    static void check(ClientRegistrations.Request request) {
        Inputs.atMost("clientName", request.clientName(), CLIENT_NAME);
        Inputs.atMost("clientType", request.clientType(), CLIENT_TYPE);
        Inputs.atMost("scopes", request.scopes(), SCOPES, SCOPE);
        Inputs.atMost("grantTypes", request.grantTypes(), GRANT_TYPES, GRANT_TYPE);
        Inputs.atMost("redirectUris", request.redirectUris(), REDIRECT_URIS, URI);
        Inputs.atMost("issuerUrl", request.issuerUrl(), URI);
    }

    static void checkClient(String clientId, String clientSecret) {
        Inputs.atMost("clientId", clientId, CLIENT_ID);
        Inputs.atMost("clientSecret", clientSecret, SECRET);
    }

    static void check(TokenRequest request) {
        checkClient(request.clientId(), request.clientSecret());
        Inputs.atMost("grantType", request.grantType(), GRANT_TYPE);
        Inputs.atMost("deviceCode", request.deviceCode(), SECRET);
        Inputs.atMost("code", request.code(), SECRET);
        Inputs.atMost("refreshToken", request.refreshToken(), SECRET);
        Inputs.atMost("scope", request.scope(), SCOPES, SCOPE);
        Inputs.atMost("redirectUri", request.redirectUri(), URI);
        Inputs.atMost("codeVerifier", request.codeVerifier(), CODE_VERIFIER);
    }
}
