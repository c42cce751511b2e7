package dev.gatehouse.it;

/**
 * What each login-flow test starts with: a fresh Gatehouse on a clock it steps, and the device login steps
 * against it. The contracts are written against this, so every storage backend runs the same tests.
 */
interface LoginFlowTest {

    RunningGatehouse gatehouse();

    DeviceLogin login();

    default Entitlement entitle(Entitlement.Builder entitlement) {
        return entitlement.createIn(gatehouse().services());
    }

    default MutableClock clock() {
        return gatehouse().clock();
    }
}
