package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * HTTP load on loopback against a real server in a child JVM ({@link BenchServer}): every endpoint of
 * {@link GatehouseWorkloads}, each right after {@code GET /healthz} of the same server and client.
 *
 * <p>Arguments (all optional): seconds per measured run (10), connections (64), wrk threads (2).
 */
public final class HttpLoadRun {

    static final int PENDING_DEVICE_CODES = 256;

    private HttpLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path work = Files.createTempDirectory("gatehouse-load-");
        System.out.printf("nproc %d, loadavg at start: %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        try (ServerProcess server = ServerProcess.start(work, connections, PENDING_DEVICE_CODES)) {
            LoadFixture fixture = LoadFixture.read(work.resolve("fixture.properties"));
            System.out.printf("server pid %d: start-up to listening %d ms (fresh embedded database); RSS after seeding %d MiB%n",
                    server.pid(), server.startupMillis(), server.rssMebibytes());
            LoadMeter meter = new LoadMeter(server, new Wrk(work, threads, connections), measure);
            List<LoadMeter.Row> rows = new GatehouseWorkloads(meter, fixture, connections).all();
            System.out.printf("%n%d s per run, %d connections (wrk: %d threads; java: %d virtual threads)%n%n",
                    measure.toSeconds(), connections, threads, connections);
            print(rows);
            System.out.printf("server RSS after the run %d MiB; loadavg at end: %s%n", server.rssMebibytes(), loadAverage());
        } finally {
            deleteRecursively(work);
        }
    }

    /**
     * Besides throughput, the table gives the server's CPU time per request from /proc: on a machine shared
     * with other work it moves less than throughput does, and "CPU vs /healthz" is the cost ratio.
     */
    static void print(List<LoadMeter.Row> rows) {
        System.out.println("| endpoint | client | req/s | vs /healthz | p50 ms | p99 ms | failed "
                + "| server CPU µs/req | per server-CPU-s | CPU vs /healthz | disk B/req | note |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        double healthz = 0;
        double healthzCpu = 0;
        String healthzClient = null;
        for (LoadMeter.Row row : rows) {
            double cpuPerRequest = row.serverCpuMicrosPerRequest();
            boolean baseline = row.endpoint().equals(GatehouseWorkloads.HEALTHZ);
            // Compared only with /healthz of the same server (Keycloak's rows have none) and the same client.
            boolean compared = !baseline && row.client().equals(healthzClient);
            if (baseline) {
                healthz = row.perSecond();
                healthzCpu = cpuPerRequest;
                healthzClient = row.client();
            }
            System.out.printf("| %s | %s | %,.0f | %s | %.2f | %.2f | %d | %.0f | %,.0f | %s | %.0f | %s |%n",
                    row.endpoint(), row.client(), row.perSecond(),
                    compared ? percent(row.perSecond() / healthz) : "—", row.p50Micros() / 1e3,
                    row.p99Micros() / 1e3, row.failures(), cpuPerRequest, row.perServerCpuSecond(),
                    compared ? percent(healthzCpu / cpuPerRequest) : "—", row.storageBytesPerRequest(),
                    row.note());
        }
    }

    static String percent(double ratio) {
        return String.format("%.1f %%", 100 * ratio);
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
