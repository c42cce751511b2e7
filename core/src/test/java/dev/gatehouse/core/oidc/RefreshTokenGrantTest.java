package dev.gatehouse.core.oidc;

import static dev.gatehouse.core.oidc.OidcFlows.SCOPES;
import static dev.gatehouse.core.oidc.OidcFlows.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refresh tokens with rotation: each works once, within its session; a replayed one ends the session. */
class RefreshTokenGrantTest {

    private final InMemoryCore core = new InMemoryCore();
    private OidcFlows flows;
    private ClientRegistrations.Registered client;
    private User ed;
    private TokenEndpoint.Tokens first;

    @BeforeEach
    void setUp() {
        flows = new OidcFlows(core);
        client = flows.deviceClient(SCOPES);
        ed = core.user("ed.developer");
        first = flows.deviceTokens(client, ed);
    }

    @Test
    void refreshWhenTheTokenIsFreshThenNewTokensInTheSameSessionAndTheOldOneUsed() {
        core.clock.advance(Duration.ofMinutes(30));

        TokenEndpoint.Tokens second = flows.refresh(client, first.refreshToken());

        assertThat(second.refreshToken()).isNotNull().isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        IssuedToken old = token(first.refreshToken());
        assertThat(old.usedAt()).isEqualTo(core.clock.instant());
        assertThat(token(second.refreshToken()).sessionId()).isEqualTo(old.sessionId());
        assertThat(token(second.refreshToken()).usedAt()).isNull();
    }

    @Test
    void refreshWithoutADirectoryToAskReadsItsTokenOnce() {
        core.store.resetReads();

        flows.refresh(client, first.refreshToken());

        assertThat(core.store.reads("SessionRepository.findToken")).as("reads: %s", core.store.reads()).isEqualTo(1);
    }

    @Test
    void refreshWhenTheRotatedTokenIsReplayedThenInvalidGrantAndTheSessionEnds() {
        TokenEndpoint.Tokens second = flows.refresh(client, first.refreshToken());

        refused(DomainError.InvalidGrant.class, () -> flows.refresh(client, first.refreshToken()));

        String sessionId = token(first.refreshToken()).sessionId();
        assertThat(core.store.sessions().findById(sessionId).orElseThrow().revokedAt()).isNotNull();
        var signedOut = refused(DomainError.InvalidGrant.class, () -> flows.refresh(client, second.refreshToken()));
        assertThat(signedOut.message()).contains("signed out");
        assertThat(core.store.audit().find(AuditQuery.all())).extracting(e -> e.eventName())
                .contains("RefreshTokenReuse");
    }

    @Test
    void refreshWhenTheSessionHasEndedThenExpiredToken() {
        core.clock.advance(Duration.ofHours(8));

        refused(DomainError.ExpiredToken.class, () -> flows.refresh(client, first.refreshToken()));

        assertThat(token(first.refreshToken()).usedAt()).as("a refused refresh uses nothing up").isNull();
    }

    @Test
    void refreshWithAnotherClientsTokenOrAnAccessTokenThenInvalidGrant() {
        ClientRegistrations.Registered other = flows.deviceClient(SCOPES);

        refused(DomainError.InvalidGrant.class, () -> flows.refresh(other, first.refreshToken()));
        refused(DomainError.InvalidGrant.class, () -> flows.refresh(client, first.accessToken()));
        refused(DomainError.InvalidGrant.class, () -> flows.refresh(client, "ghrt_made-up"));

        assertThat(flows.refresh(client, first.refreshToken()).refreshToken()).as("still usable by its client")
                .isNotNull();
    }

    @Test
    void refreshWithoutATokenThenInvalidInput() {
        refused(DomainError.InvalidInput.class, () -> flows.refresh(client, " "));
    }

    private IssuedToken token(String secret) {
        return core.store.sessions().findToken(Secrets.hash(secret)).orElseThrow();
    }
}
