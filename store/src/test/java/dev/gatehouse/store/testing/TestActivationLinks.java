package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.password.ActivationLink;
import java.time.Duration;

public final class TestActivationLinks {

    private TestActivationLinks() {
    }

    /** Unused, valid for 7 days. */
    public static ActivationLink link(User user) {
        return new ActivationLink(TestIds.hex(64), user.userId(), NOW, NOW.plus(Duration.ofDays(7)), null);
    }
}
