package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.store.BulkSeed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin seed}: the benchmark directory is what the core services then read, and a second seed writes nothing. */
class SeedCommandTest {

    @TempDir
    Path dataDir;

    record Result(int exitCode, String out, String err) { }

    private Result admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void seedsADirectoryTheCoreServicesRead() {
        Result seeded = admin("seed", "--users", "300", "--groups", "20", "--accounts", "12", "--assignments", "100",
                "--probe-groups", "5", "--permission-sets", "3");

        assertThat(seeded.exitCode()).as(seeded.err()).isZero();
        assertThat(seeded.out()).contains("seeded 300 users, 20 groups, 304 memberships, 12 accounts, 100 assignments");
        // Compacted once the command's own connections were closed; what was written is all read back below.
        assertThat(seeded.out()).containsPattern("compacted the database file from \\d+ MB to \\d+ MB in");
        try (Services services = Services.open(new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()))
                .load(), Clock.systemUTC())) {
            assertThat(services.core().identityStore().countUsers()).isEqualTo(300);
            assertThat(services.core().identityStore().groupsOf(BulkSeed.PROBE_USER)).hasSize(5);
            assertThat(services.core().accessModel().listAccounts(null, 100)).hasSize(12);
            assertThat(services.core().accessModel().listPermissionSets(null, 100)).hasSize(3);
        }
    }

    @Test
    void aSecondSeedFailsInOneLineAndWritesNothing() {
        assertThat(admin("seed", "--users", "10", "--groups", "2", "--accounts", "2", "--assignments", "4",
                "--permission-sets", "1").exitCode()).isZero();

        Result again = admin("seed", "--users", "20", "--groups", "2", "--accounts", "2", "--assignments", "4",
                "--permission-sets", "1");

        assertThat(again.exitCode()).isEqualTo(AdminCommand.DOMAIN_ERROR);
        assertThat(again.err().strip()).startsWith("error: ").doesNotContain("\n");
        try (Services services = Services.open(new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()))
                .load(), Clock.systemUTC())) {
            assertThat(services.core().identityStore().countUsers()).isEqualTo(10);
        }
    }
}
