package dev.gatehouse.store.testing;

import static dev.gatehouse.store.testing.TestTimes.NOW;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.MfaDeviceKind;

public final class TestMfaDevices {

    private TestMfaDevices() {
    }

    /** A confirmed authenticator app with no code used yet; the "sealed secret" is opaque text to the store. */
    public static MfaDevice authenticatorApp(User user, String name) {
        return new MfaDevice(TestIds.id("mfa"), user.userId(), MfaDeviceKind.TOTP, name, "sealed-" + TestIds.hex(40),
                MfaDevice.NO_STEP_USED, NOW, NOW.plusSeconds(20));
    }

    public static MfaDevice unconfirmed(User user, String name) {
        return Records.with(authenticatorApp(user, name), "confirmedAt", null);
    }
}
