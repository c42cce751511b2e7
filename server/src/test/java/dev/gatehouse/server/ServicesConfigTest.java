package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.server.config.GatehouseConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings that reach core only through the composition root. */
class ServicesConfigTest {

    @TempDir
    Path dataDir;

    @Test
    void openWhenRelyingPartyNameSetThenSecurityKeysAreOfferedUnderThatName() {
        GatehouseConfig config = GatehouseConfig.defaults(dataDir).toBuilder().relyingPartyName("Example SSO").build();
        try (Services services = Services.open(config, Clock.systemUTC())) {
            String userId = services.core().identityStore().createUser(new NewUser("ed.developer", null, "Ed",
                    "Developer",
                    "ed@example.com", false), Actor.administratorCli(), RequestContext.commandLine("test")).userId();

            assertThat(services.core().securityKeys().startRegistration(userId).optionsJson())
                    .contains("\"Example SSO\"");
        }
    }

    @Test
    void purgeWhenAuditRetentionSetThenEventsOlderThanItGo() {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-03-02T09:00:00Z"));
        GatehouseConfig config = GatehouseConfig.defaults(dataDir).toBuilder().auditRetention(Duration.ofDays(2))
                .build();
        try (Services services = Services.open(config, clock)) {
            services.core().identityStore().createGroup("old-group", null, Actor.administratorCli(),
                    RequestContext.commandLine("test"));
            clock.advance(Duration.ofDays(2).plusMinutes(1));
            services.core().identityStore().createGroup("new-group", null, Actor.administratorCli(),
                    RequestContext.commandLine("test"));

            assertThat(services.purge().run()).containsEntry("audit_events", 1);
            assertThat(services.core().auditQueries().find(AuditQuery.all())).extracting(AuditEvent::eventName)
                    .containsExactly("CreateGroup");
        }
    }
}

