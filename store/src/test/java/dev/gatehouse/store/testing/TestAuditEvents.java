package dev.gatehouse.store.testing;

import dev.gatehouse.core.audit.AuditEvent;
import java.time.Instant;
import java.util.Map;

public final class TestAuditEvents {

    private TestAuditEvents() {
    }

    /** A successful call by {@code userName} (null: unknown caller) from the AWS CLI. */
    public static AuditEvent event(String eventName, String userName, Instant eventTime) {
        return new AuditEvent(TestIds.id("event"), eventTime, "sso.amazonaws.com", eventName, userName,
                userName == null ? Map.of() : Map.of("type", "IdentityCenterUser", "userName", userName),
                "192.0.2.10", "aws-cli/2.22.0", Map.of("accountId", "111122223333"), Map.of(), null, null,
                TestIds.id("request"));
    }
}
