package dev.gatehouse.store.contract;

import static dev.gatehouse.store.testing.Records.with;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.oidc.AuthorizationCode;
import dev.gatehouse.core.oidc.DeviceAuthorization;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.store.testing.TestAuditEvents;
import dev.gatehouse.store.testing.TestAuthorizationCodes;
import dev.gatehouse.store.testing.TestDeviceAuthorizations;
import dev.gatehouse.store.testing.TestSessions;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

public interface ExpiredRowContract extends StoreContract {

    Instant CUTOFF = NOW.minus(Duration.ofDays(1));
    Instant LONG_AGO = NOW.minus(Duration.ofDays(2));

    @Test
    default void deleteEndedWhenRowsEndedBeforeTheCutoffThenOnlyThoseGo() {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);
        PortalSession live = TestSessions.tokenSession(ed, "client-1");
        PortalSession expired = with(TestSessions.tokenSession(ed, "client-1"), "expiresAt", LONG_AGO);
        PortalSession revoked = with(TestSessions.browserSession(ed), "revokedAt", LONG_AGO);
        PortalSession justRevoked = with(TestSessions.browserSession(ed), "revokedAt", NOW);
        for (PortalSession session : List.of(live, expired, revoked, justRevoked)) {
            store().sessions().insert(session);
        }
        IssuedToken liveToken = TestSessions.refreshToken(live);
        IssuedToken oldAccessToken = with(TestSessions.accessToken(live), "expiresAt", LONG_AGO);
        store().sessions().insertToken(liveToken);
        store().sessions().insertToken(oldAccessToken);
        store().sessions().insertToken(TestSessions.accessToken(expired));
        DeviceAuthorization pending = TestDeviceAuthorizations.pending("ABCD-EFGH");
        DeviceAuthorization lapsed = with(TestDeviceAuthorizations.pending("WXYZ-WXYZ"), "expiresAt", LONG_AGO);
        store().deviceAuthorizations().insert(pending);
        store().deviceAuthorizations().insert(lapsed);
        AuthorizationCode unexpired = TestAuthorizationCodes.unused();
        store().authorizationCodes().insert(unexpired);
        store().authorizationCodes().insert(with(TestAuthorizationCodes.unused(), "expiresAt", LONG_AGO));
        store().failedAttempts().recordFailure("old", LONG_AGO, LONG_AGO.minusSeconds(1));
        store().failedAttempts().recordFailure("recent", NOW, NOW.minusSeconds(1));

        Map<String, Integer> deleted = store().expiredRows().deleteEnded(CUTOFF);

        assertThat(deleted).containsEntry("sessions", 2).containsEntry("issued_tokens", 1)
                .containsEntry("device_authorizations", 1).containsEntry("authorization_codes", 1)
                .containsEntry("failed_attempts", 1);
        assertThat(store().sessions().findById(live.sessionId())).isPresent();
        assertThat(store().sessions().findById(justRevoked.sessionId())).isPresent();
        assertThat(store().sessions().findById(expired.sessionId())).isEmpty();
        assertThat(store().sessions().findById(revoked.sessionId())).isEmpty();
        assertThat(store().sessions().findToken(liveToken.tokenHash())).isPresent();
        assertThat(store().sessions().findToken(oldAccessToken.tokenHash())).isEmpty();
        assertThat(store().deviceAuthorizations().findByDeviceCodeHash(pending.deviceCodeHash())).isPresent();
        assertThat(store().deviceAuthorizations().findByDeviceCodeHash(lapsed.deviceCodeHash())).isEmpty();
        assertThat(store().authorizationCodes().findByCodeHash(unexpired.codeHash())).isPresent();
        assertThat(store().failedAttempts().find("recent")).isPresent();
        assertThat(store().failedAttempts().find("old")).isEmpty();
    }

    @Test
    default void deleteAuditEventsBeforeKeepsTheNewerOnes() {
        AuditEvent old = TestAuditEvents.event("CreateUser", "ed.developer", NOW.minus(Duration.ofDays(91)));
        AuditEvent recent = TestAuditEvents.event("DeleteUser", "ed.developer", NOW.minus(Duration.ofDays(89)));
        store().audit().insert(old);
        store().audit().insert(recent);

        int deleted = store().expiredRows().deleteAuditEventsBefore(NOW.minus(Duration.ofDays(90)));

        assertThat(deleted).isEqualTo(1);
        assertThat(store().audit().find(new AuditQuery(null, null, null, null, 10)))
                .extracting(AuditEvent::eventName).containsExactly("DeleteUser");
    }

    @Test
    default void deleteEndedWhenTwoPurgesRunAtOnceThenBothSucceedAndEachRowGoesOnce() throws Exception {
        User ed = TestUsers.user("ed.developer");
        store().users().insert(ed);
        int sessions = 200;
        for (int i = 0; i < sessions; i++) {
            PortalSession expired = with(TestSessions.tokenSession(ed, "client-1"), "expiresAt", LONG_AGO);
            store().sessions().insert(expired);
            store().sessions().insertToken(TestSessions.accessToken(expired));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Integer>>> purges = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                purges.add(nodes.submit(() -> {
                    start.await();
                    return store().expiredRows().deleteEnded(CUTOFF);
                }));
            }
            start.countDown();
            int deleted = 0;
            for (Future<Map<String, Integer>> purge : purges) {
                deleted += purge.get().get("sessions");
            }

            assertThat(deleted).isEqualTo(sessions);
        }
        assertThat(store().sessions().activeSessionsOf(ed.userId(), NOW.minus(Duration.ofDays(3)))).isEmpty();
    }
}
