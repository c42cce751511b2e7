package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.access.PermissionSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

public final class TestPermissionSets {

    public static final String INSTANCE_ID = "ssoins-0123456789abcdef";

    private TestPermissionSets() {
    }

    /** Grants the AWS managed policy of the same name, for one hour. */
    public static PermissionSet permissionSet(String name) {
        return new PermissionSet("arn:aws:sso:::permissionSet/" + INSTANCE_ID + "/ps-" + TestIds.hex(16), name,
                "Test permission set " + name, Duration.ofHours(1), List.of("arn:aws:iam::aws:policy/" + name),
                null, null, null, Map.of("team", "platform"), TestIds.hex(16), NOW);
    }
}
