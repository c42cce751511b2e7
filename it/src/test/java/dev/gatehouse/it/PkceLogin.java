package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of {@code aws sso login} with AWS CLI ≥ 2.22 (PKCE in the browser), sent byte for byte as its botocore
 * writes them ({@code SSOTokenFetcherAuth}, {@code AuthCodeFetcher}), with a person at a {@link Browser} in between.
 * No listener is needed on the loopback redirect URI: the test reads where the browser would be sent.
 */
final class PkceLogin {

    /** What the CLI registers: no port, since it picks a new one for each login. */
    static final String REGISTERED_REDIRECT = "http://127.0.0.1/oauth/callback";
    static final String SESSION_NAME = "my-sso";
    static final String CLIENT_NAME = "botocore-client-" + SESSION_NAME;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERIFIER_ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
    private static final List<String> AUTHORIZE_FIELDS = List.of("response_type", "client_id", "redirect_uri", "state",
            "code_challenge_method", "scopes", "code_challenge");

    /** RegisterClient's answer. */
    record Client(String clientId, String clientSecret, long clientIdIssuedAt, long clientSecretExpiresAt) { }

    /**
     * What botocore draws for one login: a state (a UUID), a 64-character code verifier from letters, digits and
     * {@code -._~}, its S256 challenge, and the port its listener got.
     */
    record Attempt(String state, String codeVerifier, String codeChallenge, int port) {

        static Attempt fresh() {
            StringBuilder verifier = new StringBuilder(64);
            for (int i = 0; i < 64; i++) {
                verifier.append(VERIFIER_ALPHABET.charAt(RANDOM.nextInt(VERIFIER_ALPHABET.length())));
            }
            return new Attempt(UUID.randomUUID().toString(), verifier.toString(), s256(verifier.toString()),
                    1024 + RANDOM.nextInt(64_000));
        }

        /** The redirect URI with the listener's port, as sent to /authorize and again to CreateToken. */
        String redirectUri() {
            return "http://127.0.0.1:" + port + "/oauth/callback";
        }

        Attempt withCodeVerifier(String otherVerifier) {
            return new Attempt(state, otherVerifier, codeChallenge, port);
        }
    }

    private final RunningGatehouse gatehouse;

    PkceLogin(RunningGatehouse gatehouse) {
        this.gatehouse = gatehouse;
    }

    /** RegisterClient exactly as botocore serializes it: its key order and {@code json.dumps} separators. */
    HttpResponse<String> registerClient(String redirectUri) {
        return RawHttp.post(gatehouse.baseUrl() + "/client/register", "application/json",
                "{\"clientName\": \"" + CLIENT_NAME + "\", \"clientType\": \"public\", "
                        + "\"grantTypes\": [\"authorization_code\", \"refresh_token\"], "
                        + "\"redirectUris\": [\"" + redirectUri + "\"], "
                        + "\"issuerUrl\": \"" + gatehouse.startUrl() + "\", "
                        + "\"scopes\": [\"sso:account:access\"]}");
    }

    Client registerClient() {
        HttpResponse<String> response = registerClient(REGISTERED_REDIRECT);
        assertThat(response.statusCode()).as("RegisterClient: %s", response.body()).isEqualTo(200);
        JsonNode body = json(response);
        return new Client(body.get("clientId").asText(), body.get("clientSecret").asText(),
                body.get("clientIdIssuedAt").asLong(), body.get("clientSecretExpiresAt").asLong());
    }

    /**
     * The URL the CLI opens, at the root of the OIDC endpoint's origin: botocore's percent-encoding (space as
     * {@code %20}) in its parameter order, the challenge appended last with its padding trimmed.
     */
    static String authorizePath(Client client, Attempt attempt) {
        return "/authorize?response_type=code&client_id=" + client.clientId()
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A" + attempt.port() + "%2Foauth%2Fcallback"
                + "&state=" + attempt.state()
                + "&code_challenge_method=S256"
                + "&scopes=sso%3Aaccount%3Aaccess"
                + "&code_challenge=" + attempt.codeChallenge();
    }

    /** The person follows the link in a fresh browser, signs in and answers the consent page. */
    Browser.Page signInAndAnswer(Entitlement person, String authorizePath, String decision) {
        Browser browser = new Browser(gatehouse.baseUrl());
        Browser.Page signedIn = browser.signInWhereRedirected(browser.get(authorizePath), person.userName(),
                person.password());
        assertThat(signedIn.location()).as("back to the authorize request after signing in").isEqualTo(authorizePath);
        Browser.Page consent = browser.get(signedIn.location());
        assertThat(consent.status()).as("consent page:%n%s", consent.html()).isEqualTo(200);
        return answer(browser, consent, decision);
    }

    /** Allow or deny on a consent page, sending back the request the page carries. */
    static Browser.Page answer(Browser browser, Browser.Page consent, String decision) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", consent.csrf());
        for (String field : AUTHORIZE_FIELDS) {
            form.put(field, consent.hidden(field));
        }
        form.put("decision", decision);
        return browser.post("/authorize/decision", form);
    }

    /** What the CLI's listener reads from the request the browser sends it. */
    static Map<String, String> callbackQuery(Browser.Page redirect) {
        assertThat(redirect.status()).as("redirect to the client:%n%s", redirect.html()).isEqualTo(303);
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(redirect.location()).getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.put(nameAndValue[0], URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    /** The code the person's approval sent to the CLI's listener, checked for the attempt's state. */
    String approvedCode(Entitlement person, Client client, Attempt attempt) {
        Browser.Page redirect = signInAndAnswer(person, authorizePath(client, attempt), "allow");
        assertThat(redirect.location()).startsWith(attempt.redirectUri() + "?");
        Map<String, String> callback = callbackQuery(redirect);
        assertThat(callback).containsEntry("state", attempt.state()).containsKey("code");
        return callback.get("code");
    }

    /** CreateToken exactly as botocore serializes it, with the redirect URI of the attempt. */
    HttpResponse<String> createToken(Client client, Attempt attempt, String code) {
        return createToken(client, attempt.redirectUri(), attempt.codeVerifier(), code);
    }

    HttpResponse<String> createToken(Client client, String redirectUri, String codeVerifier, String code) {
        return RawHttp.post(gatehouse.baseUrl() + "/token", "application/json",
                "{\"grantType\": \"authorization_code\", \"clientId\": \"" + client.clientId()
                        + "\", \"clientSecret\": \"" + client.clientSecret()
                        + "\", \"redirectUri\": \"" + redirectUri
                        + "\", \"codeVerifier\": \"" + codeVerifier
                        + "\", \"code\": \"" + code + "\"}");
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            // botocore pads, then trims the one "=" a 32-byte digest gets.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
