package dev.gatehouse.core.oidc;

import static dev.gatehouse.core.oidc.OidcFlows.SCOPES;
import static dev.gatehouse.core.oidc.OidcFlows.refused;
import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What CreateToken does for every grant: authenticate the client, pick the grant, issue, audit. */
class TokenEndpointTest {

    private final InMemoryCore core = new InMemoryCore();
    private OidcFlows flows;
    private ClientRegistrations.Registered client;
    private User ed;

    @BeforeEach
    void setUp() {
        flows = new OidcFlows(core);
        client = flows.deviceClient(SCOPES);
        ed = core.user("ed.developer");
    }

    @Test
    void createTokenWhenGrantedThenAuditedAsTheUserWithTheSession() {
        TokenEndpoint.Tokens tokens = flows.deviceTokens(client, ed);

        String sessionId = core.store.sessions().findToken(Secrets.hash(tokens.accessToken())).orElseThrow()
                .sessionId();
        assertThat(createTokenEvents()).singleElement().satisfies(e -> {
            assertThat(e.errorCode()).isNull();
            assertThat(e.userName()).isEqualTo(ed.userName());
            assertThat(e.responseElements()).containsEntry("sessionId", sessionId);
        });
    }

    @Test
    void createTokenWhenTheSecretIsWrongThenInvalidClientAndAudited() {
        TokenRequest wrongSecret = new TokenRequest(client.client().clientId(), "ghcs_wrong", GrantTypes.DEVICE_CODE,
                "ghdc_any", null, null, null, null, null);

        refused(DomainError.InvalidClient.class, () -> flows.services().tokens().createToken(wrongSecret, CONTEXT));

        assertThat(createTokenEvents()).singleElement().satisfies(e -> assertThat(e.errorCode()).isNotNull());
    }

    @Test
    void createTokenWhenTheClientIsUnknownThenInvalidClient() {
        TokenRequest unknown = new TokenRequest("no-such-client", "secret", GrantTypes.DEVICE_CODE, "ghdc_any", null,
                null, null, null, null);

        refused(DomainError.InvalidClient.class, () -> flows.services().tokens().createToken(unknown, CONTEXT));
    }

    @Test
    void createTokenWhenTheRegistrationExpiredThenInvalidClient() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        flows.services().devices().approve(started.userCode(), ed, CONTEXT);
        core.clock.advance(Duration.ofDays(90));

        var error = refused(DomainError.InvalidClient.class, () -> flows.poll(client, started.deviceCode()));

        assertThat(error.message()).contains("expired");
    }

    @Test
    void createTokenWithAnUnknownGrantTypeThenUnsupportedGrantType() {
        TokenRequest password = new TokenRequest(client.client().clientId(), client.clientSecret(), "password",
                null, null, null, null, null, null);

        var error = refused(DomainError.UnsupportedGrantType.class,
                () -> flows.services().tokens().createToken(password, CONTEXT));

        assertThat(error.grantType()).isEqualTo("password");
    }

    @Test
    void createTokenWithAGrantTheClientDidNotRegisterThenUnauthorizedClient() {
        TokenRequest codeGrant = new TokenRequest(client.client().clientId(), client.clientSecret(),
                GrantTypes.AUTHORIZATION_CODE, null, "ghac_any", null, null, OidcFlows.REDIRECT_URI, "v".repeat(43));

        refused(DomainError.UnauthorizedClient.class, () -> flows.services().tokens().createToken(codeGrant, CONTEXT));
    }

    @Test
    void accessTokenNeverOutlivesItsSession() {
        TokenEndpoint.Tokens first = flows.deviceTokens(client, ed);
        core.clock.advance(Duration.ofHours(7).plusMinutes(30));

        TokenEndpoint.Tokens late = flows.refresh(client, first.refreshToken());

        assertThat(late.expiresIn()).isEqualTo(Duration.ofMinutes(30).toSeconds());
    }

    private List<AuditEvent> createTokenEvents() {
        return core.store.audit().find(AuditQuery.all()).stream()
                .filter(e -> e.eventName().equals("CreateToken"))
                .toList();
    }
}
