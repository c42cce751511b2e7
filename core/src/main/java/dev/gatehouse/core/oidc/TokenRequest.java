package dev.gatehouse.core.oidc;

import java.util.List;

/** CreateToken's input, as the sso-oidc model names it. Secrets here are never logged or audited. */
public record TokenRequest(String clientId, String clientSecret, String grantType, String deviceCode, String code,
                           String refreshToken, List<String> scope, String redirectUri, String codeVerifier) { }
