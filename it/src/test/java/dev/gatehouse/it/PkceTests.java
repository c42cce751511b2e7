package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.InvalidRedirectUriException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/**
 * {@code aws sso login} as AWS CLI ≥ 2.22 does it by default: the authorization code flow with PKCE, its requests
 * reproduced byte for byte, and every way a code can be refused.
 */
interface PkceTests extends LoginFlowTest {

    private PkceLogin pkce() {
        return new PkceLogin(gatehouse());
    }

    @Test
    default void pkceLoginAsTheAwsCliSendsItThenTokenListsAccountsAndRefreshes() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        long issuedAt = clock().instant().getEpochSecond();

        PkceLogin.Client client = pkce().registerClient();
        assertThat(client.clientIdIssuedAt()).isEqualTo(issuedAt);
        assertThat(client.clientSecretExpiresAt()).isEqualTo(issuedAt + Duration.ofDays(90).toSeconds());

        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();
        String code = pkce().approvedCode(ed, client, attempt);
        HttpResponse<String> created = pkce().createToken(client, attempt, code);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode tokens = PkceLogin.json(created);
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(3600);
        String accessToken = tokens.get("accessToken").asText();
        assertThat(login().sso().listAccounts(r -> r.accessToken(accessToken)).accountList())
                .containsExactly(AccountInfo.builder().accountId(ed.accountId()).accountName(ed.accountName())
                        .emailAddress("aws+dev@example.com").build());
        CreateTokenResponse refreshed = login().refresh(sdkClient(client), tokens.get("refreshToken").asText());
        assertThat(login().sso().listAccounts(r -> r.accessToken(refreshed.accessToken())).accountList())
                .extracting(AccountInfo::accountId).containsExactly(ed.accountId());
    }

    @Test
    default void pkceLoginIsAuditedWithoutTheCodeOrVerifier() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        PkceLogin.Client client = pkce().registerClient();
        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();
        String code = pkce().approvedCode(ed, client, attempt);
        String accessToken = PkceLogin.json(pkce().createToken(client, attempt, code)).get("accessToken").asText();

        assertThat(events("ed.developer", "ApproveAuthorization")).singleElement().satisfies(e -> {
            assertThat(e.requestParameters()).containsEntry("clientId", client.clientId())
                    .containsEntry("redirectUri", attempt.redirectUri())
                    .containsEntry("scopes", List.of("sso:account:access"));
            assertThat(e.sourceIpAddress()).isNotBlank();
        });
        assertThat(events("ed.developer", "CreateToken")).singleElement()
                .satisfies(e -> assertThat(e.requestParameters()).containsEntry("grantType", "authorization_code"));
        assertThat(events(null, "RegisterClient")).singleElement().satisfies(e -> assertThat(e.requestParameters())
                .containsEntry("redirectUris", List.of(PkceLogin.REGISTERED_REDIRECT))
                .containsEntry("issuerUrl", gatehouse().startUrl()));
        assertThat(events(null, null).toString())
                .doesNotContain(code, attempt.codeVerifier(), accessToken, client.clientSecret());
    }

    @Test
    default void createTokenWhenCodeVerifierIsWrongThenInvalidGrantAndTheRightOneStillWorks() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        PkceLogin.Client client = pkce().registerClient();
        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();
        String code = pkce().approvedCode(ed, client, attempt);

        HttpResponse<String> wrong = pkce().createToken(client,
                attempt.withCodeVerifier(PkceLogin.Attempt.fresh().codeVerifier()), code);

        assertInvalidGrant(wrong);
        assertThat(pkce().createToken(client, attempt, code).statusCode()).isEqualTo(200);
    }

    @Test
    default void createTokenWhenCodeIsReusedThenInvalidGrantAndTheFirstTokensStopWorking() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        PkceLogin.Client client = pkce().registerClient();
        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();
        String code = pkce().approvedCode(ed, client, attempt);
        JsonNode first = PkceLogin.json(pkce().createToken(client, attempt, code));
        String accessToken = first.get("accessToken").asText();
        assertThat(login().sso().listAccounts(r -> r.accessToken(accessToken)).accountList()).hasSize(1);

        assertInvalidGrant(pkce().createToken(client, attempt, code));

        assertThatThrownBy(() -> login().sso().listAccounts(r -> r.accessToken(accessToken)))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> login().refresh(sdkClient(client), first.get("refreshToken").asText()))
                .isInstanceOf(InvalidGrantException.class);
    }

    @Test
    default void createTokenWhenCodeWasIssuedToAnotherClientThenInvalidGrant() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        PkceLogin.Client client = pkce().registerClient();
        PkceLogin.Client other = pkce().registerClient();
        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();
        String code = pkce().approvedCode(ed, client, attempt);

        assertInvalidGrant(pkce().createToken(other, attempt, code));
        assertThat(pkce().createToken(client, attempt, code).statusCode())
                .as("the refusal spent nothing of the rightful client's code").isEqualTo(200);
    }

    @Test
    default void createTokenWhenRedirectUriDiffersFromTheAuthorizeRequestThenInvalidGrant() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        PkceLogin.Client client = pkce().registerClient();
        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();
        String code = pkce().approvedCode(ed, client, attempt);
        String otherPort = "http://127.0.0.1:" + (attempt.port() + 1) + "/oauth/callback";

        assertInvalidGrant(pkce().createToken(client, otherPort, attempt.codeVerifier(), code));
        assertInvalidGrant(pkce().createToken(client, PkceLogin.REGISTERED_REDIRECT, attempt.codeVerifier(), code));
    }

    @Test
    default void createTokenWhenCodeIsOlderThanFiveMinutesThenExpiredToken() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        PkceLogin.Client client = pkce().registerClient();
        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();
        String code = pkce().approvedCode(ed, client, attempt);

        clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        HttpResponse<String> expired = pkce().createToken(client, attempt, code);

        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(expired.headers().firstValue("x-amzn-ErrorType")).hasValue("ExpiredTokenException");
        assertThat(PkceLogin.json(expired).get("error").asText()).isEqualTo("expired_token");
    }

    @Test
    default void registerClientWhenRedirectUriIsNotLoopbackThenInvalidRedirectUri() {
        HttpResponse<String> response = pkce().registerClient("http://attacker.example/oauth/callback");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRedirectUriException");
        assertThat(PkceLogin.json(response).get("error").asText()).isEqualTo("invalid_redirect_uri");
        assertThat(events(null, "RegisterClient")).isEmpty();
    }

    @Test
    default void authorizeWhenRedirectUriIsNotLoopbackThenErrorPageAndNoRedirect() {
        entitle(Entitlement.edDeveloperWithPowerUserAccess());
        PkceLogin.Client client = pkce().registerClient();
        String toAttacker = PkceLogin.authorizePath(client, PkceLogin.Attempt.fresh())
                .replaceFirst("127\\.0\\.0\\.1%3A\\d+", "attacker.example");

        Browser.Page page = new Browser(gatehouse().baseUrl()).get(toAttacker);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.html()).contains("class=\"error\"", "http://attacker.example/oauth/callback");
    }

    @Test
    default void authorizeWhenChallengeMethodIsPlainThenRedirectedWithInvalidRequestAndNoCode() {
        PkceLogin.Client client = pkce().registerClient();
        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();
        String plain = PkceLogin.authorizePath(client, attempt)
                .replace("code_challenge_method=S256", "code_challenge_method=plain")
                .replace(attempt.codeChallenge(), attempt.codeVerifier());

        Browser.Page answer = new Browser(gatehouse().baseUrl()).get(plain);

        assertThat(answer.location()).startsWith(attempt.redirectUri() + "?error=invalid_request&");
        assertThat(PkceLogin.callbackQuery(answer)).containsEntry("state", attempt.state()).doesNotContainKey("code");
    }

    @Test
    default void authorizeWhenPersonDeniesThenClientHearsAccessDenied() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        PkceLogin.Client client = pkce().registerClient();
        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();

        Browser.Page denied = pkce().signInAndAnswer(ed, PkceLogin.authorizePath(client, attempt), "deny");

        assertThat(PkceLogin.callbackQuery(denied)).containsEntry("error", "access_denied")
                .containsEntry("state", attempt.state()).doesNotContainKey("code");
        assertThat(events("ed.developer", "DenyAuthorization")).hasSize(1);
    }

    @Test
    default void sdkRegisterClientAndCreateTokenWithAuthorizationCodeThenTokens() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        RegisterClientResponse registered = login().oidc().registerClient(r -> r.clientName("gatehouse-it-pkce")
                .clientType("public").scopes("sso:account:access").grantTypes("authorization_code", "refresh_token")
                .redirectUris(PkceLogin.REGISTERED_REDIRECT).issuerUrl(gatehouse().startUrl()));
        PkceLogin.Client client = new PkceLogin.Client(registered.clientId(), registered.clientSecret(),
                registered.clientIdIssuedAt(), registered.clientSecretExpiresAt());
        PkceLogin.Attempt attempt = PkceLogin.Attempt.fresh();
        String code = pkce().approvedCode(ed, client, attempt);

        CreateTokenResponse tokens = login().oidc().createToken(r -> r.clientId(registered.clientId())
                .clientSecret(registered.clientSecret()).grantType("authorization_code").code(code)
                .redirectUri(attempt.redirectUri()).codeVerifier(attempt.codeVerifier()));

        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(login().sso().listAccounts(r -> r.accessToken(tokens.accessToken())).accountList()).hasSize(1);
        assertThatThrownBy(() -> login().oidc().registerClient(r -> r.clientName("elsewhere").clientType("public")
                .grantTypes("authorization_code").redirectUris("https://attacker.example/callback")))
                .isInstanceOfSatisfying(InvalidRedirectUriException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    private static void assertInvalidGrant(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidGrantException");
        assertThat(PkceLogin.json(response).get("error").asText()).isEqualTo("invalid_grant");
    }

    private static RegisterClientResponse sdkClient(PkceLogin.Client client) {
        return RegisterClientResponse.builder().clientId(client.clientId()).clientSecret(client.clientSecret())
                .build();
    }

    private List<AuditEvent> events(String userName, String eventName) {
        return gatehouse().services().core().auditQueries().find(new AuditQuery(userName, eventName, null, null, 1000));
    }
}
