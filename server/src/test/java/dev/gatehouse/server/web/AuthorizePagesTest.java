package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.oidc.ClientRegistrations;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuthorizePagesTest extends ServerWithEd {

    private static final String CLIENT = "botocore-client-my-sso";
    /** RFC 7636 Appendix B. */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final String REDIRECT = "http://127.0.0.1:53219/oauth/callback";

    private final String clientId = registerAsTheAwsCliDoes();
    private final String state = UUID.randomUUID().toString();

    @Test
    void authorizeWhenAnonymousThenSignInKeepsTheWholeQueryAndComesBackToTheConsent() {
        Browser browser = server.newBrowser();
        String authorize = awsCliAuthorizePath(CHALLENGE);

        HttpResponse<String> redirected = browser.get(authorize);
        HttpResponse<String> signInPage = browser.get(location(redirected));
        HttpResponse<String> signedIn = browser.post("/signin", form("username", "ed.developer",
                "password", WebTestServer.PASSWORD, "next", hidden(signInPage, "next"),
                "csrf", hidden(signInPage, "csrf")));

        assertThat(redirected.statusCode()).isEqualTo(303);
        assertThat(location(redirected)).startsWith("/signin?next=/authorize?response_type=code%26client_id=");
        assertThat(hidden(signInPage, "next")).isEqualTo(authorize);
        assertThat(location(signedIn)).isEqualTo(authorize);
        HttpResponse<String> consent = browser.get(location(signedIn));
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains(CLIENT, "sso:account:access", "http://127.0.0.1:53219",
                "action=\"/authorize/decision\"", "value=\"allow\"", "value=\"deny\"");
    }

    @Test
    void consentPageCarriesTheRequestAndLetsItsFormEndAtTheRedirectOrigin() {
        HttpResponse<String> consent = signedIn().get(awsCliAuthorizePath(CHALLENGE));

        assertThat(hidden(consent, "client_id")).isEqualTo(clientId);
        assertThat(hidden(consent, "redirect_uri")).isEqualTo(REDIRECT);
        assertThat(hidden(consent, "state")).isEqualTo(state);
        assertThat(hidden(consent, "code_challenge")).isEqualTo(CHALLENGE);
        assertThat(hidden(consent, "scopes")).isEqualTo("sso:account:access");
        assertThat(consent.headers().firstValue("Content-Security-Policy")).hasValue(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                        + "form-action 'self' http://127.0.0.1:53219; "
                        + "frame-ancestors 'none'; base-uri 'none'");
        assertThat(consent.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void allowThenRedirectsToTheClientWithCodeAndStateAndStoresOnlyTheCodeHash() {
        Browser browser = signedIn();
        HttpResponse<String> consent = browser.get(awsCliAuthorizePath(CHALLENGE));

        HttpResponse<String> answer = browser.post("/authorize/decision", decision(consent, "allow"));

        assertThat(answer.statusCode()).isEqualTo(303);
        Map<String, String> query = query(location(answer));
        assertThat(location(answer)).startsWith(REDIRECT + "?code=ghac_");
        assertThat(query).containsEntry("state", state).containsOnlyKeys("code", "state");
        assertThat(server.services.store().authorizationCodes().findByCodeHash(Secrets.hash(query.get("code"))))
                .hasValueSatisfying(code -> {
                    assertThat(code.clientId()).isEqualTo(clientId);
                    assertThat(code.redirectUri()).isEqualTo(REDIRECT);
                    assertThat(code.codeChallenge()).isEqualTo(CHALLENGE);
                    assertThat(code.expiresAt()).isEqualTo(server.clock.instant().plusSeconds(300));
                });
    }

    @Test
    void denyThenRedirectsToTheClientWithAccessDenied() {
        Browser browser = signedIn();
        HttpResponse<String> consent = browser.get(awsCliAuthorizePath(CHALLENGE));

        HttpResponse<String> answer = browser.post("/authorize/decision", decision(consent, "deny"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(query(location(answer))).containsEntry("error", "access_denied").containsEntry("state", state)
                .doesNotContainKey("code");
    }

    @Test
    void decisionWhenCsrfIsForgedThenRefusedAndNoRedirect() {
        Browser browser = signedIn();
        HttpResponse<String> consent = browser.get(awsCliAuthorizePath(CHALLENGE));
        Map<String, String> forged = decision(consent, "allow");
        forged.put("csrf", "forged");

        HttpResponse<String> answer = browser.post("/authorize/decision", forged);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void authorizeWhenClientIsUnknownThenErrorPageNotRedirect() {
        HttpResponse<String> page = signedIn().get(awsCliAuthorizePath(CHALLENGE).replace(clientId, "unknown"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("class=\"error\"", "not registered");
    }

    @Test
    void authorizeWhenRedirectUriIsNotRegisteredThenErrorPageNotRedirect() {
        String toAttacker = awsCliAuthorizePath(CHALLENGE).replace("127.0.0.1%3A53219", "attacker.example");

        HttpResponse<String> page = server.newBrowser().get(toAttacker);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("http://attacker.example/oauth/callback", "not registered");
    }

    @Test
    void authorizeWhenChallengeMethodIsPlainThenRedirectsInvalidRequestWithoutSignIn() {
        String plain = awsCliAuthorizePath(CHALLENGE).replace("code_challenge_method=S256",
                "code_challenge_method=plain");

        HttpResponse<String> answer = server.newBrowser().get(plain);

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(query(location(answer))).containsEntry("error", "invalid_request").containsEntry("state", state)
                .containsKey("error_description");
        assertThat(location(answer)).startsWith(REDIRECT + "?error=");
    }

    @Test
    void authorizeWhenScopeIsNotRegisteredThenRedirectsInvalidScope() {
        String more = awsCliAuthorizePath(CHALLENGE).replace("scopes=sso%3Aaccount%3Aaccess",
                "scopes=sso%3Aaccount%3Aaccess%20sso-admin%3Aall");

        HttpResponse<String> answer = server.newBrowser().get(more);

        assertThat(query(location(answer))).containsEntry("error", "invalid_scope").containsEntry("state", state);
    }

    @Test
    void authorizeWhenResponseTypeIsTokenThenRedirectsUnsupportedResponseType() {
        String implicit = awsCliAuthorizePath(CHALLENGE).replace("response_type=code", "response_type=token");

        HttpResponse<String> answer = server.newBrowser().get(implicit);

        assertThat(query(location(answer))).containsEntry("error", "unsupported_response_type");
    }

    private String registerAsTheAwsCliDoes() {
        return server.services.core().clients().register(new ClientRegistrations.Request(CLIENT, "public",
                List.of("sso:account:access"), List.of("authorization_code", "refresh_token"),
                List.of("http://127.0.0.1/oauth/callback"), server.services.instance().portalUrl()),
                RequestContext.commandLine("test")).client().clientId();
    }

    /** As botocore writes it: percent-encoded, in this order, the challenge appended last. */
    private String awsCliAuthorizePath(String challenge) {
        return "/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A53219%2Foauth%2Fcallback&state=" + state
                + "&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=" + challenge;
    }

    private static Map<String, String> decision(HttpResponse<String> consent, String decision) {
        Map<String, String> form = form("csrf", hidden(consent, "csrf"), "decision", decision);
        for (String name : List.of("response_type", "client_id", "redirect_uri", "state", "code_challenge_method",
                "scopes", "code_challenge")) {
            form.put(name, hidden(consent, name));
        }
        return form;
    }

    private static Map<String, String> query(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static Browser signedIn() {
        Browser browser = server.newBrowser();
        assertThat(browser.signIn("ed.developer", "/start").statusCode()).isEqualTo(303);
        return browser;
    }
}
