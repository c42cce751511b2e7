package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.abac.AccessControlAttributes;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attributes for access control on a real (H2) store: which tags new credentials carry. */
class AccessControlAttributesTest extends ServiceOnH2 {

    private static final RequestContext CONTEXT = new RequestContext("request-1", "192.0.2.10", "test");
    private static final Actor ADMIN = Actor.administratorCli();

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-26T10:00:00Z"));
    private AccessControlAttributes abac;
    private User ed;

    @BeforeEach
    void setUp() {
        abac = new AccessControlAttributes(store.accessControlAttributes(), store.users(),
                store.userAttributes(), store, new AuditLog(store.audit(), clock));
        ed = TestUsers.user("ed.developer");
        store.users().insert(ed);
    }

    @Test
    void tagsForWhenNothingIsMappedThenNone() {
        abac.updateUserAttributes("ed.developer", Map.of("department", "Engineering"), ADMIN, CONTEXT);

        assertThat(abac.tagsFor(ed)).isEmpty();
    }

    @Test
    void tagsForCarriesMappedAttributesUnderTheirTagKeysAndSkipsThoseTheUserLacks() {
        abac.setMapping(Map.of("dept", "Department", "cc", "costCenter"), ADMIN, CONTEXT);
        abac.updateUserAttributes("ed.developer", Map.of("department", "Engineering", "title", "Developer"), ADMIN,
                CONTEXT);

        assertThat(abac.mapping()).containsExactly(Map.entry("cc", "costCenter"), Map.entry("dept", "department"));
        assertThat(abac.tagsFor(ed)).containsExactly(Map.entry("dept", "Engineering"));
    }

    @Test
    void setMappingRefusesAwsPrefixedKeysAndUnknownAttributesAndKeepsTheOldMapping() {
        abac.setMapping(Map.of("dept", "department"), ADMIN, CONTEXT);

        DomainException awsKey = catchThrowableOfType(DomainException.class,
                () -> abac.setMapping(Map.of("aws:department", "department"), ADMIN, CONTEXT));
        DomainException unknown = catchThrowableOfType(DomainException.class,
                () -> abac.setMapping(Map.of("size", "shoeSize"), ADMIN, CONTEXT));

        assertThat(awsKey.getMessage()).contains("not starting with aws:");
        assertThat(unknown.getMessage()).contains("'shoeSize' is not a user attribute");
        assertThat(abac.mapping()).containsExactly(Map.entry("dept", "department"));
    }

    @Test
    void updateUserAttributesAuditsTheChangedNamesOnlyAndNothingWhenNothingChanged() {
        abac.updateUserAttributes("ed.developer", Map.of("costCenter", "CC-42"), ADMIN, CONTEXT);
        abac.updateUserAttributes("ed.developer", Map.of("costCenter", "CC-42"), ADMIN, CONTEXT);

        List<AuditEvent> events = store.audit().find(new AuditQuery(null, "UpdateUser", null, null, 10));
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().requestParameters().toString()).contains("costCenter").doesNotContain("CC-42");
    }
}
