package dev.gatehouse.bench;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.DatabaseConfig;
import dev.gatehouse.server.config.GatehouseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Commits per second on the embedded H2 file: one user created through core's {@code IdentityStoreService} (the
 * user row and its CreateUser audit event, one transaction) per operation. {@code writeDelay=500} is H2's default
 * and the old URL — commits buffered for up to half a second, lost on a crash — and is the baseline of the run;
 * {@code 0} is what Gatehouse uses now: every commit written to the file before it returns (issue 11, finding 2).
 * Four threads, as a few concurrent administrators and sign-ins would commit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(4)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 3, time = 3)
public class CommitDurabilityBenchmark {

    private static final RequestContext CONTEXT = RequestContext.commandLine("commit-benchmark");

    @Param({"500", "0"})
    public int writeDelay;

    private Path dataDir;
    private Services services;
    private IdentityStoreService identityStore;
    private final AtomicLong next = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dataDir = Files.createTempDirectory("gatehouse-commit-bench");
        DatabaseConfig database = new DatabaseConfig("jdbc:h2:file:" + dataDir.resolve("gatehouse")
                + ";WRITE_DELAY=" + writeDelay, "gatehouse", "");
        services = Services.open(GatehouseConfig.defaults(dataDir).toBuilder().database(database).build(),
                Clock.systemUTC());
        identityStore = services.core().identityStore();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        services.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public User createUser(CpuPerOp cpu) {
        cpu.count();
        String userName = "user" + next.incrementAndGet();
        return identityStore.createUser(new NewUser(userName, null, "Bench", "User", userName + "@example.com", false),
                Actor.administratorCli(), CONTEXT);
    }
}
