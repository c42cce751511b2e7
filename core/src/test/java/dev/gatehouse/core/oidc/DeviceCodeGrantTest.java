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
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 8628's device flow through the token endpoint, on the in-memory store. */
class DeviceCodeGrantTest {

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
    void pollWhenApprovedThenTokensForANewTokenSessionOfTheApprover() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        flows.services().devices().approve(started.userCode(), ed, CONTEXT);

        TokenEndpoint.Tokens tokens = flows.poll(client, started.deviceCode());

        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(Duration.ofHours(1).toSeconds());
        assertThat(tokens.refreshToken()).isNotNull();
        List<PortalSession> sessions = core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant());
        assertThat(sessions).singleElement().satisfies(session -> {
            assertThat(session.kind()).isEqualTo(SessionKind.TOKEN);
            assertThat(session.clientId()).isEqualTo(client.client().clientId());
        });
        assertThat(core.store.sessions().findToken(Secrets.hash(tokens.accessToken())))
                .hasValueSatisfying(token -> assertThat(token.sessionId()).isEqualTo(sessions.getFirst().sessionId()));
        assertThat(core.store.deviceAuthorizations().findByDeviceCodeHash(Secrets.hash(started.deviceCode())))
                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(DeviceStatus.CONSUMED));
    }

    @Test
    void pollWhenClientRegisteredNoScopesThenNoRefreshToken() {
        ClientRegistrations.Registered bare = flows.deviceClient(List.of());

        TokenEndpoint.Tokens tokens = flows.deviceTokens(bare, ed);

        assertThat(tokens.accessToken()).startsWith("ghat_");
        assertThat(tokens.refreshToken()).isNull();
    }

    @Test
    void pollWhenNotYetApprovedThenAuthorizationPendingAndNothingWritten() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        int eventsBefore = auditEvents().size();

        refused(DomainError.AuthorizationPending.class, () -> flows.poll(client, started.deviceCode()));

        assertThat(auditEvents()).hasSize(eventsBefore);
        assertThat(core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant())).isEmpty();
    }

    @Test
    void pollsWhilePendingWriteNothingAndTheFirstPollAfterTheApprovalGetsTheTokens() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        int writesBefore = core.store.writes();
        refused(DomainError.AuthorizationPending.class, () -> flows.poll(client, started.deviceCode()));
        refused(DomainError.AuthorizationPending.class, () -> flows.poll(client, started.deviceCode()));
        refused(DomainError.SlowDown.class, () -> flows.poll(client, started.deviceCode()));
        assertThat(core.store.writes()).isEqualTo(writesBefore);

        flows.services().devices().approve(started.userCode(), ed, CONTEXT);

        assertThat(flows.poll(client, started.deviceCode()).accessToken()).startsWith("ghat_");
    }

    @Test
    void pollWhenSoonerThanTheIntervalTwiceThenSlowDownAndAfterWaitingPendingAgain() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        refused(DomainError.AuthorizationPending.class, () -> flows.poll(client, started.deviceCode()));
        refused(DomainError.AuthorizationPending.class, () -> flows.poll(client, started.deviceCode()));

        refused(DomainError.SlowDown.class, () -> flows.poll(client, started.deviceCode()));

        core.clock.advance(Duration.ofSeconds(started.interval()));
        refused(DomainError.AuthorizationPending.class, () -> flows.poll(client, started.deviceCode()));
    }

    @Test
    void pollWhenTheDeviceCodeExpiredThenExpiredTokenEvenIfApproved() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        flows.services().devices().approve(started.userCode(), ed, CONTEXT);

        core.clock.advance(Duration.ofSeconds(started.expiresIn()));

        refused(DomainError.ExpiredToken.class, () -> flows.poll(client, started.deviceCode()));
        assertThat(core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant())).isEmpty();
    }

    @Test
    void pollWhenThePersonDeniedThenAccessDeniedAndAudited() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        flows.services().devices().deny(started.userCode(), ed, CONTEXT);

        refused(DomainError.AccessDenied.class, () -> flows.poll(client, started.deviceCode()));

        assertThat(auditEvents()).filteredOn(e -> e.eventName().equals("CreateToken")).singleElement()
                .satisfies(e -> assertThat(e.errorCode()).isNotNull());
    }

    @Test
    void pollWhenTheApprovalWasAlreadyConsumedThenInvalidGrant() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        flows.services().devices().approve(started.userCode(), ed, CONTEXT);
        flows.poll(client, started.deviceCode());

        refused(DomainError.InvalidGrant.class, () -> flows.poll(client, started.deviceCode()));

        assertThat(core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant())).hasSize(1);
    }

    @Test
    void pollWithAnotherClientsDeviceCodeThenInvalidGrantAsForAnUnknownCode() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        flows.services().devices().approve(started.userCode(), ed, CONTEXT);
        ClientRegistrations.Registered other = flows.deviceClient(SCOPES);

        refused(DomainError.InvalidGrant.class, () -> flows.poll(other, started.deviceCode()));
        refused(DomainError.InvalidGrant.class, () -> flows.poll(client, "ghdc_made-up"));

        assertThat(flows.poll(client, started.deviceCode()).accessToken()).as("still the client's").isNotNull();
    }

    @Test
    void pollWhenTheApproverWasDisabledSinceThenAccessDeniedAndNoSession() {
        DeviceAuthorizations.Started started = flows.startDevice(client);
        flows.services().devices().approve(started.userCode(), ed, CONTEXT);
        core.store.users().update(new User(ed.userId(), ed.userName(), ed.displayName(), ed.givenName(),
                ed.familyName(), ed.email(), dev.gatehouse.core.directory.UserStatus.DISABLED, false, null,
                ed.createdAt(), core.clock.instant()));

        refused(DomainError.AccessDenied.class, () -> flows.poll(client, started.deviceCode()));

        assertThat(core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant())).isEmpty();
        assertThat(core.store.deviceAuthorizations().findByDeviceCodeHash(Secrets.hash(started.deviceCode())))
                .as("the refused redemption rolled back").hasValueSatisfying(a ->
                        assertThat(a.status()).isEqualTo(DeviceStatus.APPROVED));
    }

    private List<AuditEvent> auditEvents() {
        return core.store.audit().find(AuditQuery.all());
    }
}
