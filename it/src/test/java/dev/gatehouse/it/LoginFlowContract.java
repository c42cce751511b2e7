package dev.gatehouse.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Acceptance of the device and PKCE logins with the real AWS SDK, end to end. A storage backend runs it by extending
 * this class and saying how to start a server on it; each test gets its own server, database and clock.
 */
abstract class LoginFlowContract implements DeviceCodeLoginTests, PkceTests, SessionTests, RevocationTests,
        WireErrorTests, AuditTests, PortalPaginationTests, TokenReuseTests,
        ClientExpiryTests {

    private RunningGatehouse gatehouse;
    private DeviceLogin login;

    /** A fresh server on this clock, with an empty database. */
    protected abstract RunningGatehouse server(MutableClock clock);

    @BeforeEach
    final void startServer() {
        gatehouse = server(MutableClock.startingNow());
        login = new DeviceLogin(gatehouse);
    }

    @AfterEach
    final void stopServer() throws Exception {
        try {
            login.close();
        } finally {
            gatehouse.close();
        }
    }

    @Override
    public RunningGatehouse gatehouse() {
        return gatehouse;
    }

    @Override
    public DeviceLogin login() {
        return login;
    }
}
