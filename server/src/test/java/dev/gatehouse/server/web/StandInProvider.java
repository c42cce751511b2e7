package dev.gatehouse.server.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in OpenID provider on loopback for the attack tests: a discovery document, a JWKS with one RSA key,
 * and a token endpoint that answers each code once with the ID token the test put there. Tokens are minted with
 * Nimbus; the test decides their claims and which key signs them.
 */
final class StandInProvider implements AutoCloseable {

    static final String CLIENT_ID = "gatehouse";
    static final String CLIENT_SECRET = "stand-in-secret";

    final RSAKey key;
    final RSAKey otherKey;
    private final HttpServer http;
    private final Map<String, String> idTokensByCode = new ConcurrentHashMap<>();

    StandInProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"]}"""
                .formatted(issuer())));
        http.createContext("/jwks", exchange -> answer(exchange, 200,
                new JWKSet(key.toPublicJWK()).toString()));
        http.createContext("/token", this::token);
        http.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** The next exchange of {@code code} answers with this ID token, once. */
    void willAnswer(String code, String idToken) {
        idTokensByCode.put(code, idToken);
    }

    String sign(JWTClaimsSet claims, RSAKey with) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    /**
     * Signs {@code userName} in to Gatehouse through this provider in {@code browser}, as a person whose sign-in the
     * provider accepts: Gatehouse's redirect here, then the callback with a code this provider answers once.
     */
    void signIn(Browser browser, String userName) throws JOSEException {
        URI authorize = URI.create(Browser.location(browser.get("/signin?next=/start")));
        Map<String, String> query = new HashMap<>();
        for (String pair : authorize.getRawQuery().split("&")) {
            String[] nv = pair.split("=", 2);
            query.put(nv[0], URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
        }
        Date now = new Date();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID)
                .subject("sub-" + userName).issueTime(now).expirationTime(new Date(now.getTime() + 300_000))
                .claim("nonce", query.get("nonce")).claim("preferred_username", userName).build();
        String code = UUID.randomUUID().toString();
        willAnswer(code, sign(claims, key));
        HttpResponse<String> callback = browser.get("/signin/oidc/callback?code=" + code + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        if (callback.statusCode() != 303) {
            throw new AssertionError("sign-in of " + userName + " through the stand-in provider refused: "
                    + callback.body());
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String code = null;
        boolean hasVerifier = false;
        for (String pair : body.split("&")) {
            String[] nv = pair.split("=", 2);
            if (nv[0].equals("code")) {
                code = java.net.URLDecoder.decode(nv[1], StandardCharsets.UTF_8);
            }
            hasVerifier |= nv[0].equals("code_verifier") && nv.length == 2 && !nv[1].isEmpty();
        }
        String idToken = code == null ? null : idTokensByCode.remove(code);
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else if (idToken == null || !hasVerifier) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
        } else {
            answer(exchange, 200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"id_token\":\"" + idToken + "\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
