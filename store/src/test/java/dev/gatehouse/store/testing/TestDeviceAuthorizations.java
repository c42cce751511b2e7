package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.oidc.DeviceAuthorization;
import dev.gatehouse.core.oidc.DeviceStatus;
import java.time.Duration;

public final class TestDeviceAuthorizations {

    private TestDeviceAuthorizations() {
    }

    /** Pending for 600 s, polled every second, as AWS answers StartDeviceAuthorization. */
    public static DeviceAuthorization pending(String userCode) {
        return new DeviceAuthorization(TestIds.hex(64), userCode, TestIds.id("client"),
                "https://gatehouse.example.com/start", DeviceStatus.PENDING, null, 1, NOW, NOW.plus(Duration.ofSeconds(600)));
    }
}
