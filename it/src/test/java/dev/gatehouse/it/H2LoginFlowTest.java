package dev.gatehouse.it;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The login flow on the embedded default: an H2 file in a fresh data directory per test. */
class H2LoginFlowTest extends LoginFlowContract {

    @TempDir
    Path dataDir;

    @Override
    protected RunningGatehouse server(MutableClock clock) {
        return RunningGatehouse.onH2(dataDir, clock);
    }
}
