package dev.gatehouse.core.oidc;

import static dev.gatehouse.core.oidc.OidcFlows.REDIRECT_URI;
import static dev.gatehouse.core.oidc.OidcFlows.refused;
import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.testing.InMemoryCore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authorization code grant with PKCE: the code works once, for its client, redirect URI and verifier. */
class AuthorizationCodeGrantTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final InMemoryCore core = new InMemoryCore();
    private OidcFlows flows;
    private ClientRegistrations.Registered client;
    private User ed;

    @BeforeEach
    void setUp() {
        flows = new OidcFlows(core);
        client = flows.codeClient();
        ed = core.user("ed.developer");
    }

    @Test
    void redeemWhenVerifierAndRedirectMatchThenTokensAndTheCodeIsUsedBySession() {
        String code = allowedCode();

        TokenEndpoint.Tokens tokens = redeem(client, code, REDIRECT_URI, VERIFIER);

        assertThat(tokens.refreshToken()).isNotNull();
        var used = core.store.authorizationCodes().findByCodeHash(Secrets.hash(code)).orElseThrow();
        assertThat(used.usedAt()).isEqualTo(core.clock.instant());
        assertThat(core.store.sessions().findToken(Secrets.hash(tokens.accessToken())).orElseThrow().sessionId())
                .isEqualTo(used.sessionId());
    }

    @Test
    void redeemWhenTheVerifierDoesNotMatchTheChallengeThenInvalidGrantAndTheCodeStaysUnused() {
        String code = allowedCode();

        var error = refused(DomainError.InvalidGrant.class,
                () -> redeem(client, code, REDIRECT_URI, "x".repeat(43)));

        assertThat(error.message()).contains("Code verifier");
        assertThat(core.store.authorizationCodes().findByCodeHash(Secrets.hash(code)).orElseThrow().usedAt()).isNull();
        assertThat(core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant())).as("rolled back")
                .isEmpty();
    }

    @Test
    void redeemWithAnotherRedirectUriThenInvalidGrant() {
        String code = allowedCode();

        var error = refused(DomainError.InvalidGrant.class,
                () -> redeem(client, code, "http://127.0.0.1:53220/oauth/callback", VERIFIER));

        assertThat(error.message()).contains("redirectUri");
    }

    @Test
    void redeemWithAnotherClientThenInvalidGrantAsForAnUnknownCode() {
        String code = allowedCode();
        ClientRegistrations.Registered other = flows.codeClient();

        var error = refused(DomainError.InvalidGrant.class, () -> redeem(other, code, REDIRECT_URI, VERIFIER));

        assertThat(error.message()).isEqualTo("Invalid authorization code provided");
        assertThat(redeem(client, code, REDIRECT_URI, VERIFIER).accessToken()).isNotNull();
    }

    @Test
    void redeemWhenTheCodeExpiredThenExpiredToken() {
        String code = allowedCode();
        core.clock.advance(AuthorizationRequests.CODE_LIFETIME);

        refused(DomainError.ExpiredToken.class, () -> redeem(client, code, REDIRECT_URI, VERIFIER));
    }

    @Test
    void redeemTwiceThenInvalidGrantAndTheFirstTokensSessionIsRevoked() {
        String code = allowedCode();
        TokenEndpoint.Tokens first = redeem(client, code, REDIRECT_URI, VERIFIER);
        core.clock.advance(Duration.ofSeconds(5));

        refused(DomainError.InvalidGrant.class, () -> redeem(client, code, REDIRECT_URI, VERIFIER));

        String sessionId = core.store.sessions().findToken(Secrets.hash(first.accessToken())).orElseThrow()
                .sessionId();
        assertThat(core.store.sessions().findById(sessionId).orElseThrow().revokedAt())
                .isEqualTo(core.clock.instant());
        refused(DomainError.InvalidGrant.class, () -> flows.refresh(client, first.refreshToken()));
    }

    @Test
    void redeemWithoutAVerifierThenInvalidInput() {
        String code = allowedCode();

        refused(DomainError.InvalidInput.class, () -> redeem(client, code, REDIRECT_URI, null));
    }

    /** The code the browser brings back after ed allows the CLI's request. */
    private String allowedCode() {
        AuthorizationRequests.AuthorizeRequest request = new AuthorizationRequests.AuthorizeRequest("code",
                client.client().clientId(), REDIRECT_URI, "state-1", Pkce.s256(VERIFIER), Pkce.S256, null);
        String location = flows.services().authorizations().allow(request, ed, CONTEXT).location();
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
                .filter(p -> p.startsWith("code="))
                .map(p -> URLDecoder.decode(p.substring("code=".length()), StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError("no code in " + location));
    }

    private TokenEndpoint.Tokens redeem(ClientRegistrations.Registered as, String code, String redirectUri,
                                        String verifier) {
        return flows.services().tokens().createToken(new TokenRequest(as.client().clientId(), as.clientSecret(),
                GrantTypes.AUTHORIZATION_CODE, null, code, null, null, redirectUri, verifier), CONTEXT);
    }
}
