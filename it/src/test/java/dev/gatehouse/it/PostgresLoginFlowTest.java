package dev.gatehouse.it;

import dev.gatehouse.store.testing.EmbeddedPostgresFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The login flow on PostgreSQL: one embedded server for the class, a fresh database per test. */
class PostgresLoginFlowTest extends LoginFlowContract {

    private static EmbeddedPostgresFixture postgres;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresFixture.shared();
    }


    @Override
    protected RunningGatehouse server(MutableClock clock) {
        return RunningGatehouse.on(postgres.freshDatabase(), dataDir, clock);
    }
}
