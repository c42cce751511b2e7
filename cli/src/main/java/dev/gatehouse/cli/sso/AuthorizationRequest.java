package dev.gatehouse.cli.sso;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssooidc.endpoints.SsoOidcEndpointParams;
import software.amazon.awssdk.services.ssooidc.endpoints.SsoOidcEndpointProvider;

/**
 * The page the browser opens to sign in and consent: {@code GET /authorize} with the parameters botocore sends
 * (the model has no such operation). Two of its habits matter to a server: the URL is at the root of the sso-oidc
 * endpoint's origin, whatever path the configured endpoint has, and the scopes travel space-separated in
 * {@code scopes}, not OAuth's {@code scope}.
 */
record AuthorizationRequest(String clientId, URI redirectUri, String state, List<String> scopes,
                            String codeChallenge) {

    URI at(URI origin) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", state);
        query.put("code_challenge_method", "S256");
        query.put("scopes", String.join(" ", scopes));
        query.put("code_challenge", codeChallenge);
        StringBuilder url = new StringBuilder(origin.toString()).append("/authorize");
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=').append(percentEncoded(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    /**
     * {@code scheme://host[:port]} of the sso-oidc endpoint: the configured one, else the SDK's for the region
     * (AWS itself).
     */
    static URI origin(Optional<URI> endpoint, String region) {
        URI resolved = endpoint.orElseGet(() -> SsoOidcEndpointProvider.defaultProvider()
                .resolveEndpoint(SsoOidcEndpointParams.builder().region(Region.of(region)).build()).join().url());
        return URI.create(resolved.getScheme() + "://" + resolved.getRawAuthority());
    }

    /** RFC 3986: everything but the unreserved characters as {@code %XX} of its UTF-8 bytes (a space is %20). */
    static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
