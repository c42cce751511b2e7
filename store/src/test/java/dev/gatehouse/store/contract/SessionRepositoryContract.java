package dev.gatehouse.store.contract;

import static dev.gatehouse.store.contract.DomainErrors.alreadyExists;
import static dev.gatehouse.store.contract.DomainErrors.notFound;
import static dev.gatehouse.store.testing.Records.with;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.IssuedToken;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.session.SessionRepository;
import dev.gatehouse.core.session.TokenType;
import dev.gatehouse.store.testing.TestSessions;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

public interface SessionRepositoryContract extends StoreContract {

    private SessionRepository sessions() {
        return store().sessions();
    }

    @Test
    default void insertedSessionReadsBackWithEveryField() {
        PortalSession browser = new PortalSession("session-1", "cookie-hash", SessionKind.BROWSER, "user-1", null,
                "csrf-token", NOW, NOW.plus(Duration.ofHours(8)), NOW.plusSeconds(60));
        PortalSession token = new PortalSession("session-2", null, SessionKind.TOKEN, "user-1", "client-1", null,
                NOW, NOW.plus(Duration.ofHours(8)), null);
        sessions().insert(browser);
        sessions().insert(token);

        assertThat(sessions().findById("session-1")).contains(browser);
        assertThat(sessions().findById("session-2")).contains(token);
        assertThat(sessions().findById("session-3")).isEmpty();
    }

    @Test
    default void browserSessionIsFoundByTheHashOfItsCookie() {
        PortalSession browser = TestSessions.browserSession(TestUsers.user("ed.developer"));
        sessions().insert(browser);

        assertThat(sessions().findBySecretHash(browser.secretHash())).contains(browser);
        assertThat(sessions().findBySecretHash("other-hash")).isEmpty();
    }

    @Test
    default void manyTokenSessionsHaveNoSecretHash() {
        User ed = TestUsers.user("ed.developer");
        sessions().insert(TestSessions.tokenSession(ed, "client-1"));
        sessions().insert(TestSessions.tokenSession(ed, "client-2"));

        assertThat(sessions().activeSessionsOf(ed.userId(), NOW)).hasSize(2);
    }

    @Test
    default void insertWhenSessionIdIsTakenThenAlreadyExists() {
        PortalSession session = TestSessions.browserSession(TestUsers.user("ed.developer"));
        sessions().insert(session);

        alreadyExists(() -> sessions().insert(with(session, "secretHash", "another-hash")));
    }

    @Test
    default void activeSessionsOfUserLeaveOutRevokedExpiredAndOtherUsersSessions() {
        User ed = TestUsers.user("ed.developer");
        PortalSession active = TestSessions.browserSession(ed);
        PortalSession tokens = TestSessions.tokenSession(ed, "client-1");
        PortalSession revoked = with(TestSessions.browserSession(ed), "revokedAt", NOW);
        PortalSession endsInAMinute = with(TestSessions.browserSession(ed), "expiresAt", NOW.plusSeconds(60));
        PortalSession annsSession = TestSessions.browserSession(TestUsers.user("ann.admin"));
        for (PortalSession session : new PortalSession[] {active, tokens, revoked, endsInAMinute, annsSession}) {
            sessions().insert(session);
        }

        Instant oneMinuteLater = NOW.plusSeconds(60);
        assertThat(sessions().activeSessionsOf(ed.userId(), oneMinuteLater)).containsExactlyInAnyOrder(active, tokens);
        assertThat(sessions().activeSessionsOf(ed.userId(), NOW)).containsExactlyInAnyOrder(active, tokens, endsInAMinute);
        assertThat(sessions().activeSessionsOf("nobody", NOW)).isEmpty();
    }

    @Test
    default void countActiveWhenSomeAreRevokedOrExpiredThenCountsOnlyTheLiveOnesOfEveryUser() {
        User ed = TestUsers.user("ed.developer");
        sessions().insert(TestSessions.browserSession(ed));
        sessions().insert(TestSessions.tokenSession(ed, "client-1"));
        sessions().insert(with(TestSessions.browserSession(ed), "revokedAt", NOW));
        sessions().insert(with(TestSessions.browserSession(ed), "expiresAt", NOW.plusSeconds(60)));
        sessions().insert(TestSessions.browserSession(TestUsers.user("ann.admin")));

        assertThat(sessions().countActive(NOW)).isEqualTo(4);
        assertThat(sessions().countActive(NOW.plusSeconds(60))).isEqualTo(3);
    }

    @Test
    default void revokeMarksTheSessionOnceAndKeepsTheFirstTime() {
        PortalSession session = TestSessions.browserSession(TestUsers.user("ed.developer"));
        sessions().insert(session);

        assertThat(sessions().revoke(session.sessionId(), NOW.plusSeconds(1))).isTrue();
        assertThat(sessions().revoke(session.sessionId(), NOW.plusSeconds(2))).isFalse();
        assertThat(sessions().revoke("no-such-session", NOW)).isFalse();

        assertThat(sessions().findById(session.sessionId())).contains(with(session, "revokedAt", NOW.plusSeconds(1)));
    }

    @Test
    default void revokeAllOfUserCountsOnlySessionsItRevoked() {
        User ed = TestUsers.user("ed.developer");
        PortalSession browser = TestSessions.browserSession(ed);
        PortalSession tokens = TestSessions.tokenSession(ed, "client-1");
        PortalSession alreadyRevoked = with(TestSessions.browserSession(ed), "revokedAt", NOW);
        PortalSession annsSession = TestSessions.browserSession(TestUsers.user("ann.admin"));
        for (PortalSession session : new PortalSession[] {browser, tokens, alreadyRevoked, annsSession}) {
            sessions().insert(session);
        }
        Instant leaving = NOW.plus(Duration.ofMinutes(10));

        assertThat(sessions().revokeAllOf(ed.userId(), leaving)).isEqualTo(2);
        assertThat(sessions().revokeAllOf(ed.userId(), leaving)).isZero();

        assertThat(sessions().activeSessionsOf(ed.userId(), NOW)).isEmpty();
        assertThat(sessions().findById(tokens.sessionId()).orElseThrow().revokedAt()).isEqualTo(leaving);
        assertThat(sessions().findById(alreadyRevoked.sessionId())).contains(alreadyRevoked);
        assertThat(sessions().findById(annsSession.sessionId())).contains(annsSession);
    }

    @Test
    default void insertedTokenReadsBackWithEveryField() {
        PortalSession session = TestSessions.tokenSession(TestUsers.user("ed.developer"), "client-1");
        sessions().insert(session);
        IssuedToken access = new IssuedToken("access-hash", TokenType.ACCESS, session.sessionId(), "client-1", NOW,
                NOW.plus(Duration.ofHours(1)), null);
        IssuedToken usedRefresh = new IssuedToken("refresh-hash", TokenType.REFRESH, session.sessionId(), "client-1",
                NOW, NOW.plus(Duration.ofHours(8)), NOW.plusSeconds(5));
        sessions().insertToken(access);
        sessions().insertToken(usedRefresh);

        assertThat(sessions().findToken("access-hash")).contains(access);
        assertThat(sessions().findToken("refresh-hash")).contains(usedRefresh);
        assertThat(sessions().findToken("other-hash")).isEmpty();
    }

    @Test
    default void tokensIssuedTogetherReadBackAndAreRefusedAsOneWouldBe() {
        PortalSession session = TestSessions.tokenSession(TestUsers.user("ed.developer"), "client-1");
        sessions().insert(session);
        IssuedToken access = TestSessions.accessToken(session);
        IssuedToken refresh = TestSessions.refreshToken(session);

        sessions().insertTokens(List.of(access, refresh));

        assertThat(sessions().findToken(access.tokenHash())).contains(access);
        assertThat(sessions().findToken(refresh.tokenHash())).contains(refresh);
        assertThat(alreadyExists(() -> sessions().insertTokens(List.of(refresh))).kind()).isEqualTo("Token");
        PortalSession unsaved = TestSessions.tokenSession(TestUsers.user("ann.developer"), "client-1");
        assertThat(notFound(() -> sessions().insertTokens(List.of(TestSessions.accessToken(unsaved),
                TestSessions.refreshToken(unsaved)))).kind()).isEqualTo("Session");
    }

    @Test
    default void insertTokenOfUnknownSessionThenNotFound() {
        PortalSession unsaved = TestSessions.tokenSession(TestUsers.user("ed.developer"), "client-1");

        var error = notFound(() -> sessions().insertToken(TestSessions.accessToken(unsaved)));

        assertThat(error.kind()).isEqualTo("Session");
    }

    @Test
    default void markTokenUsedSucceedsOnlyOnce() {
        PortalSession session = TestSessions.tokenSession(TestUsers.user("ed.developer"), "client-1");
        sessions().insert(session);
        IssuedToken refresh = TestSessions.refreshToken(session);
        sessions().insertToken(refresh);

        assertThat(sessions().markTokenUsed(refresh.tokenHash(), NOW.plusSeconds(1))).isTrue();
        assertThat(sessions().markTokenUsed(refresh.tokenHash(), NOW.plusSeconds(2))).isFalse();
        assertThat(sessions().markTokenUsed("no-such-token", NOW)).isFalse();

        assertThat(sessions().findToken(refresh.tokenHash())).contains(with(refresh, "usedAt", NOW.plusSeconds(1)));
    }
}
