package dev.gatehouse.store.contract;

import static dev.gatehouse.store.testing.Records.with;
import static dev.gatehouse.store.testing.TestTimes.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.AuditCursor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.AuditRepository;
import dev.gatehouse.store.testing.TestAuditEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public interface AuditRepositoryContract extends StoreContract {

    private AuditRepository audit() {
        return store().audit();
    }

    private List<String> eventIds(AuditQuery query) {
        return audit().find(query).stream().map(AuditEvent::eventId).toList();
    }

    private void insertEvent(String eventId, String eventName, String userName, Instant eventTime) {
        audit().insert(with(TestAuditEvents.event(eventName, userName, eventTime), "eventId", eventId));
    }

    @Test
    default void insertedAuditEventReadsBackWithEveryFieldAndNestedValues() {
        AuditEvent event = new AuditEvent("event-1", NOW, "sso.amazonaws.com", "GetRoleCredentials", "ed.developer",
                Map.of("type", "IdentityCenterUser", "userName", "ed.developer",
                        "sessionContext", Map.of("mfaAuthenticated", true, "attributes", Map.of("count", 3))),
                "192.0.2.10", "aws-cli/2.22.0 md/command#sso.login",
                Map.of("roleName", "PowerUserAccess", "accountId", "111122223333",
                        "scopes", List.of("sso:account:access", "openid")),
                Map.of("expiration", 1_748_853_000_123L, "ratio", 0.25), "AccessDeniedException",
                "No access", "request-1");
        audit().insert(event);

        assertThat(audit().find(AuditQuery.all())).containsExactly(event);
    }

    @Test
    default void eventsInsertedConcurrentlyOutsideATransactionAreAllStoredWhenEachInsertReturns()
            throws InterruptedException {
        List<Thread> callers = new java.util.ArrayList<>();
        java.util.Set<String> missing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 16; i++) {
            String eventId = "concurrent-" + i;
            callers.add(Thread.ofPlatform().start(() -> {
                insertEvent(eventId, "GetRoleCredentials", "ed.developer", NOW);
                if (audit().find(AuditQuery.all()).stream().noneMatch(e -> e.eventId().equals(eventId))) {
                    missing.add(eventId);
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(missing).as("events not readable when their insert returned").isEmpty();
        assertThat(eventIds(AuditQuery.all())).hasSize(16);
    }

    @Test
    default void insertedAuditEventKeepsNullsAndEmptyBlocks() {
        AuditEvent anonymous = new AuditEvent("event-1", NOW, "sso-oidc.amazonaws.com", "CreateToken", null, null,
                null, null, null, null, null, null, null);
        audit().insert(anonymous);

        AuditEvent found = audit().find(AuditQuery.all()).getFirst();
        assertThat(found).isEqualTo(anonymous);
        assertThat(found.userIdentity()).isEmpty();
        assertThat(found.requestParameters()).isEmpty();
    }

    @Test
    default void findListsAuditEventsNewestFirstToTheNanosecond() {
        insertEvent("middle", "CreateToken", "ed.developer", NOW.plusSeconds(1));
        insertEvent("oldest", "CreateToken", "ed.developer", NOW);
        insertEvent("newest", "CreateToken", "ed.developer", NOW.plusSeconds(2));
        insertEvent("just-after-middle", "CreateToken", "ed.developer", NOW.plusSeconds(1).plusNanos(1));

        assertThat(eventIds(AuditQuery.all())).containsExactly("newest", "just-after-middle", "middle", "oldest");
    }

    @Test
    default void findOrdersAuditEventsOfTheSameInstantByIdDescending() {
        insertEvent("event-a", "CreateToken", "ed.developer", NOW);
        insertEvent("event-c", "CreateToken", "ed.developer", NOW);
        insertEvent("event-b", "CreateToken", "ed.developer", NOW);

        assertThat(eventIds(AuditQuery.all())).containsExactly("event-c", "event-b", "event-a");
    }

    @Test
    default void findAuditEventsByUserNameIgnoresCase() {
        insertEvent("ed-1", "CreateToken", "Ed.Developer", NOW);
        insertEvent("ann-1", "CreateToken", "ann.admin", NOW.plusSeconds(1));
        insertEvent("ed-2", "GetRoleCredentials", "ed.developer", NOW.plusSeconds(2));
        insertEvent("nobody", "CreateToken", null, NOW.plusSeconds(3));

        assertThat(eventIds(new AuditQuery("ED.DEVELOPER", null, null, null, 10))).containsExactly("ed-2", "ed-1");
    }

    @Test
    default void findAuditEventsByEventName() {
        insertEvent("token-1", "CreateToken", "ed.developer", NOW);
        insertEvent("credentials-1", "GetRoleCredentials", "ed.developer", NOW.plusSeconds(1));
        insertEvent("token-2", "CreateToken", "ann.admin", NOW.plusSeconds(2));

        assertThat(eventIds(new AuditQuery(null, "CreateToken", null, null, 10))).containsExactly("token-2", "token-1");
    }

    @Test
    default void findWithinATimeRangeIncludesBothEnds() {
        for (int second = 0; second < 5; second++) {
            insertEvent("at-" + second, "CreateToken", "ed.developer", NOW.plusSeconds(second));
        }

        assertThat(eventIds(new AuditQuery(null, null, NOW.plusSeconds(1), NOW.plusSeconds(3), 10)))
                .containsExactly("at-3", "at-2", "at-1");
        assertThat(eventIds(new AuditQuery(null, null, NOW.plusSeconds(3), null, 10))).containsExactly("at-4", "at-3");
        assertThat(eventIds(new AuditQuery(null, null, null, NOW.plusSeconds(1).minusNanos(1), 10)))
                .containsExactly("at-0");
    }

    @Test
    default void findReturnsTheNewestUpToTheLimit() {
        for (int second = 0; second < 5; second++) {
            insertEvent("at-" + second, "CreateToken", "ed.developer", NOW.plusSeconds(second));
        }

        assertThat(eventIds(new AuditQuery(null, null, null, null, 2))).containsExactly("at-4", "at-3");
        assertThat(eventIds(new AuditQuery(null, null, null, null, 0))).isEmpty();
    }

    @Test
    default void findCombinesEveryFilter() {
        insertEvent("match-old", "CreateToken", "ed.developer", NOW.plusSeconds(1));
        insertEvent("match-new", "CreateToken", "ed.developer", NOW.plusSeconds(2));
        insertEvent("too-late", "CreateToken", "ed.developer", NOW.plusSeconds(9));
        insertEvent("other-event", "GetRoleCredentials", "ed.developer", NOW.plusSeconds(2));
        insertEvent("other-user", "CreateToken", "ann.admin", NOW.plusSeconds(2));

        assertThat(eventIds(new AuditQuery("ed.developer", "CreateToken", NOW, NOW.plusSeconds(5), 10)))
                .containsExactly("match-new", "match-old");
        assertThat(eventIds(new AuditQuery("ed.developer", "CreateToken", NOW, NOW.plusSeconds(5), 1)))
                .containsExactly("match-new");
    }

    @Test
    default void findAuditEventsByEventSource() {
        audit().insert(with(TestAuditEvents.event("UserAuthentication", "ed.developer", NOW), "eventSource",
                "signin.amazonaws.com"));
        insertEvent("portal", "GetRoleCredentials", "ed.developer", NOW.plusSeconds(1));

        assertThat(audit().find(new AuditQuery(null, null, "signin.amazonaws.com", null, null, null, 10)))
                .extracting(AuditEvent::eventName).containsExactly("UserAuthentication");
    }

    @Test
    default void findBeforeACursorContinuesWhereThePreviousPageEndedEvenWithinOneInstant() {
        insertEvent("event-a", "CreateToken", "ed.developer", NOW);
        insertEvent("event-b", "CreateToken", "ed.developer", NOW);
        insertEvent("event-c", "CreateToken", "ed.developer", NOW);
        insertEvent("newest", "CreateToken", "ed.developer", NOW.plusSeconds(1));
        AuditQuery firstPage = new AuditQuery(null, null, null, null, 2);

        List<AuditEvent> first = audit().find(firstPage);
        List<AuditEvent> second = audit().find(firstPage.before(AuditCursor.at(first.getLast())));

        assertThat(first).extracting(AuditEvent::eventId).containsExactly("newest", "event-c");
        assertThat(second).extracting(AuditEvent::eventId).containsExactly("event-b", "event-a");
        assertThat(audit().find(firstPage.before(AuditCursor.at(second.getLast())))).isEmpty();
    }
}
