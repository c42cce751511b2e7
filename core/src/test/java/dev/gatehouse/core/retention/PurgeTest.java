package dev.gatehouse.core.retention;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.GrantTypes;
import dev.gatehouse.core.oidc.TokenEndpoint;
import dev.gatehouse.core.oidc.TokenRequest;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the purge removes as a stepped clock passes each row's end, and what it never touches. */
class PurgeTest {

    private final InMemoryCore core = new InMemoryCore();
    private final Purge purge = new Purge(core.store.expiredRows(), core.clock, Purge.DEFAULT_AUDIT_RETENTION);
    private CoreServices services;
    private ClientRegistrations.Registered client;
    private User ed;

    @BeforeEach
    void setUp() {
        services = core.services();
        client = services.clients().register(new ClientRegistrations.Request("cli", "public",
                List.of("sso:account:access"), null, null, null), CONTEXT);
        ed = core.user("ed.developer");
    }

    @Test
    void runWhenASessionEndedOverADayAgoThenItAndItsTokensGoWhileLiveOnesStay() {
        TokenEndpoint.Tokens old = deviceLogin();
        core.clock.advance(Duration.ofHours(8).plus(Purge.GRACE).plusMinutes(1));
        TokenEndpoint.Tokens live = deviceLogin();
        DeviceAuthorizations.Started pending = startDevice();

        purge.run();

        assertThat(core.store.sessions().findToken(Secrets.hash(old.accessToken()))).isEmpty();
        assertThat(core.store.sessions().findToken(Secrets.hash(old.refreshToken()))).isEmpty();
        assertThat(core.store.sessions().findToken(Secrets.hash(live.accessToken()))).isPresent();
        assertThat(core.store.sessions().activeSessionsOf(ed.userId(), core.clock.instant())).hasSize(1);
        assertThat(core.store.deviceAuthorizations().findByDeviceCodeHash(Secrets.hash(pending.deviceCode())))
                .isPresent();
        assertThatThrownBy(() -> poll(pending.deviceCode())).as("the pending authorization still answers")
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isInstanceOf(DomainError.AuthorizationPending.class));
    }

    @Test
    void runWhenASessionEndedLessThanADayAgoThenItStays() {
        TokenEndpoint.Tokens tokens = deviceLogin();
        core.clock.advance(Duration.ofHours(8).plus(Purge.GRACE).minusMinutes(1));

        purge.run();

        assertThat(core.store.sessions().findToken(Secrets.hash(tokens.refreshToken()))).isPresent();
    }

    @Test
    void runWhenAuditEventsPassTheirRetentionThenTheyGoAndYoungerOnesStay() {
        deviceLogin();
        int first = auditEventCount();
        core.clock.advance(Purge.DEFAULT_AUDIT_RETENTION.minusDays(1));
        services.clients().register(new ClientRegistrations.Request("later", "public", List.of(), null, null,
                null), CONTEXT);
        int all = auditEventCount();
        core.clock.advance(Duration.ofDays(2));

        assertThat(purge.run()).containsEntry("audit_events", first);
        assertThat(auditEventCount()).isEqualTo(all - first).isPositive();
    }

    @Test
    void newWhenTheAuditRetentionIsUnderADayThenRefused() {
        assertThatThrownBy(() -> new Purge(core.store.expiredRows(), core.clock, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TokenEndpoint.Tokens deviceLogin() {
        DeviceAuthorizations.Started started = startDevice();
        services.devices().approve(started.userCode(), ed, CONTEXT);
        return poll(started.deviceCode());
    }

    private DeviceAuthorizations.Started startDevice() {
        return services.devices().start(client.client().clientId(), client.clientSecret(), core.instance.portalUrl(),
                CONTEXT);
    }

    private TokenEndpoint.Tokens poll(String deviceCode) {
        return services.tokens().createToken(new TokenRequest(client.client().clientId(), client.clientSecret(),
                GrantTypes.DEVICE_CODE, deviceCode, null, null, null, null, null), CONTEXT);
    }

    private int auditEventCount() {
        return core.store.audit().find(AuditQuery.all()).size();
    }
}
