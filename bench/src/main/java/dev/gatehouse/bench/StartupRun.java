package dev.gatehouse.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Start-up as an operator sees it: the checkout's {@code bin/gatehouse-server} (built beforehand: run after
 * {@code package}, or the launcher builds first) on a new data directory, polled on {@code /healthz} until it answers;
 * then started again on the same directory. Three starts a run: <b>first</b> (new directory: no database, no
 * class-data sharing archive yet), <b>fresh database</b> (the database files removed, the archive the first start
 * left kept) and <b>restart</b>. Reports the medians over N runs of the time to listening, the server's CPU time by
 * then (steadier than wall time on a loaded machine) and its RSS after a few idle seconds.
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' dev.gatehouse.bench.StartupRun [runs] [GATEHOUSE_JAVA_OPTS]</pre>
 */
public final class StartupRun {

    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    /** One start: wall time from exec to the first 200 on /healthz, CPU time by then, RSS after {@link #IDLE}. */
    public record Start(long listeningMillis, long cpuMillis, long idleRssMebibytes) { }

    /** The medians of each kind of start over the runs. */
    public record Figures(int runs, Start first, Start freshDatabase, Start restart) { }

    private StartupRun() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String javaOptions = args.length > 1 ? args[1] : "";
        System.out.printf("loadavg at start: %s; GATEHOUSE_JAVA_OPTS '%s'%n", loadAverage(), javaOptions);
        Figures figures = measure(runs, javaOptions);
        System.out.printf("%-16s | %12s | %14s | %14s%n", "start (median of " + runs + ")", "listening ms",
                "server CPU ms", "idle RSS MiB");
        print("first", figures.first());
        print("fresh database", figures.freshDatabase());
        print("restart", figures.restart());
        System.out.printf("loadavg at end: %s%n", loadAverage());
    }

    private static void print(String name, Start start) {
        System.out.printf("%-16s | %12d | %14d | %14d%n", name, start.listeningMillis(), start.cpuMillis(),
                start.idleRssMebibytes());
    }

    /** {@code runs} runs of the three starts, each on its own new data directory, with the launcher's defaults. */
    public static Figures measure(int runs, String javaOptions) throws IOException, InterruptedException {
        List<Start> first = new ArrayList<>();
        List<Start> fresh = new ArrayList<>();
        List<Start> restart = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path dataDir = Files.createTempDirectory("gatehouse-startup-").resolve("data");
            try {
                first.add(start(dataDir, javaOptions));
                removeDatabase(dataDir);
                fresh.add(start(dataDir, javaOptions));
                restart.add(start(dataDir, javaOptions));
            } finally {
                deleteRecursively(dataDir.getParent());
            }
        }
        return new Figures(runs, median(first), median(fresh), median(restart));
    }

    private static Start start(Path dataDir, String javaOptions) throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(LauncherJvmOptions.checkout().resolve("bin/gatehouse-server")
                .toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("server-" + port + ".log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().put("GATEHOUSE_DATA_DIR", dataDir.toString());
        builder.environment().put("GATEHOUSE_PORT", Integer.toString(port));
        builder.environment().put("GATEHOUSE_JAVA_OPTS", javaOptions);
        long begin = System.nanoTime();
        // The launcher execs the JVM: this process is the server from then on.
        Process server = builder.start();
        try {
            long listening = awaitHealthz(server, port, begin);
            long cpu = server.info().totalCpuDuration().orElseThrow().toMillis();
            Thread.sleep(IDLE);
            return new Start(listening, cpu, rssMebibytes(server.pid()));
        } finally {
            // SIGTERM: an orderly stop, after which the JVM writes the class-data sharing archive when it had none.
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static long awaitHealthz(Process server, int port, long begin) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest healthz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - begin < GIVE_UP.toNanos()) {
            if (!server.isAlive()) {
                throw new IOException("the server stopped before it answered; exit " + server.exitValue());
            }
            try {
                if (http.send(healthz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - begin) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IOException("no answer on /healthz within " + GIVE_UP);
    }

    /** The embedded database only: the data directory's other files (master key, archive) stay. */
    private static void removeDatabase(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("gatehouse.")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static Start median(List<Start> starts) {
        return new Start(median(starts, Start::listeningMillis), median(starts, Start::cpuMillis),
                median(starts, Start::idleRssMebibytes));
    }

    private static long median(List<Start> starts, ToLongFunction<Start> figure) {
        long[] sorted = starts.stream().mapToLong(figure).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static long rssMebibytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                .findFirst().orElse(-1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
