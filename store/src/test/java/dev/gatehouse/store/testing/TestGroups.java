package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.Membership;
import dev.gatehouse.core.directory.User;

public final class TestGroups {

    private TestGroups() {
    }

    public static Group group(String displayName) {
        return new Group(TestIds.id("group"), displayName, displayName + " of the test company", NOW);
    }

    public static Membership membership(Group group, User user) {
        return new Membership(TestIds.id("membership"), group.groupId(), user.userId());
    }
}
