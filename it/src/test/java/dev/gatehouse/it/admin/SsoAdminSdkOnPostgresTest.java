package dev.gatehouse.it.admin;

import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.store.testing.EmbeddedPostgresFixture;
import java.nio.file.Path;

/** {@link SsoAdminSdkTest} on PostgreSQL: one embedded server for the class, a fresh database per test. */
class SsoAdminSdkOnPostgresTest extends SsoAdminSdkTest {

    @Override
    RunningGatehouse server(Path dataDir, MutableClock clock) {
        return RunningGatehouse.on(EmbeddedPostgresFixture.shared().freshDatabase(), dataDir, clock);
    }
}
