package dev.gatehouse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Every row of issue 16's goal table from one run, beside Keycloak measured the same way in the same run,
 * printed as markdown with the machine's load at start and end. In order: SigV4 verification in-process
 * ({@link SigV4Floor}); Gatehouse started on a fresh database and loaded as in {@link HttpLoadRun}; Gatehouse
 * restarted on the same database; the launcher's start-up ({@link StartupRun}); Keycloak ({@link KeycloakRun}). About 6–7 minutes with the
 * defaults on a quiet machine.
 *
 * <p>Arguments (all optional): {@code --seconds N} per measured run (10), {@code --connections N} (64),
 * {@code --threads N} wrk threads (2), {@code --startup-runs N} launcher starts of each kind (3),
 * {@code --skip-keycloak}.
 */
public final class GoalTableRun {

    private static final double TEN_TIMES = 10;

    /** What the Gatehouse part measured; each endpoint with the /healthz run just before it. */
    private record Gatehouse(LoadMeter.Row pollingBaseline, LoadMeter.Row polling, LoadMeter.Row stsBaseline,
                             LoadMeter.Row sts, LoadMeter.Row credentialsBaseline, LoadMeter.Row credentials,
                             LoadMeter.Row authorizeBaseline, LoadMeter.Row authorize, LoadMeter.Row refresh,
                             long rssAfterLoad) {
    }

    private GoalTableRun() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Duration measure = Duration.ofSeconds(option(options, "--seconds", 10));
        int connections = option(options, "--connections", 64);
        int threads = option(options, "--threads", 2);
        boolean skipKeycloak = options.contains("--skip-keycloak");
        int startupRuns = option(options, "--startup-runs", 3);
        String uptimeAtStart = uptime();
        System.out.println("nproc " + Runtime.getRuntime().availableProcessors() + "; at start: " + uptimeAtStart);

        SigV4Floor sigV4 = SigV4Floor.measure();
        Path work = Files.createTempDirectory("gatehouse-goal-");
        try {
            Gatehouse gatehouse = gatehouse(work, measure, connections, threads);
            StartupRun.Figures launcher = StartupRun.measure(startupRuns, "");
            KeycloakRun.Figures keycloak = null;
            if (!skipKeycloak) {
                try {
                    keycloak = KeycloakRun.measure(work, measure, connections, threads,
                            HttpLoadRun.PENDING_DEVICE_CODES);
                } catch (Exception e) {
                    System.out.println("Keycloak part failed: " + e);
                    printTail(work.resolve("keycloak.log"));
                }
            }
            System.out.printf("%n%d s per measured run, %d connections (wrk: %d threads; refresh: %d virtual "
                    + "threads)%n%n", measure.toSeconds(), connections, threads, connections);
            HttpLoadRun.print(rows(gatehouse));
            if (keycloak != null) {
                System.out.println();
                HttpLoadRun.print(rows(keycloak));
            }
            System.out.println();
            table(gatehouse, launcher, keycloak, skipKeycloak, sigV4, connections).print();
            System.out.println();
            System.out.println("at start: " + uptimeAtStart);
            System.out.println("at end:   " + uptime());
        } finally {
            HttpLoadRun.deleteRecursively(work);
        }
    }

    private static Gatehouse gatehouse(Path work, Duration measure, int connections, int threads) throws Exception {
        LoadMeter.Row[] r = new LoadMeter.Row[9];
        try (ServerProcess server = ServerProcess.start(work, connections, HttpLoadRun.PENDING_DEVICE_CODES)) {
            System.out.printf("Gatehouse (bench child JVM) pid %d: start to listening %d ms (fresh database); RSS after "
                    + "seeding %d MiB%n", server.pid(), server.startupMillis(), server.rssMebibytes());
            LoadFixture fixture = LoadFixture.read(work.resolve("fixture.properties"));
            GatehouseWorkloads load = new GatehouseWorkloads(new LoadMeter(server, new Wrk(work, threads, connections),
                    measure), fixture, connections);
            load.warmUp();
            r[0] = load.healthz();
            r[1] = load.polling();
            r[2] = load.healthz();
            r[3] = load.callerIdentity();
            r[4] = load.healthz();
            r[5] = load.roleCredentials();
            r[6] = load.healthz();
            r[7] = load.authorize();
            load.warmUpJavaClient();
            r[8] = load.refresh();
            return new Gatehouse(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], server.rssMebibytes());
        }
    }

    private static GoalTable table(Gatehouse g, StartupRun.Figures launcher, KeycloakRun.Figures k, boolean skipped,
                                   SigV4Floor sigV4, int connections) {
        String none = "—";
        String absent = skipped ? "skipped" : "failed";
        GoalTable t = new GoalTable();
        double polling = g.polling().perSecond() / g.pollingBaseline().perSecond();
        t.add("device-code polling, vs `/healthz` of the same run; bytes written", percent(polling) + ", "
                + g.polling().storageWrites() + " B", none, "≥ 60 %, 0 writes", polling >= 0.6
                && g.polling().storageWrites() == 0);
        double sts = g.sts().perSecond() / g.stsBaseline().perSecond();
        t.add("STS GetCallerIdentity, vs `/healthz`", percent(sts), none, "≥ 50 %", sts >= 0.5);
        double credentials = g.credentials().perSecond() / g.credentialsBaseline().perSecond();
        t.add("GetRoleCredentials, vs `/healthz`", percent(credentials), none, "≥ 30 %", credentials >= 0.3);
        double p99 = g.credentials().p99Micros() / 1e3;
        t.add("GetRoleCredentials p99 at " + connections + " connections", String.format("%.1f ms", p99), none,
                "< 10 ms", p99 < 10);
        double authorize = g.authorize().perSecond() / g.authorizeBaseline().perSecond();
        t.add("authorization API decision, vs `/healthz`", percent(authorize), none, "≥ 50 %", authorize >= 0.5);

        double refresh = g.refresh().perServerCpuSecond();
        double pollingCpu = g.polling().perServerCpuSecond();
        if (k == null) {
            t.addUnjudged("refresh grant (rotating, reuse-detecting), per server CPU-second", perCpu(refresh), absent,
                    "≥ 10 × Keycloak");
            t.addUnjudged("device polling per server CPU-second", perCpu(pollingCpu), absent, "≥ 10 × Keycloak");
        } else {
            double rotating = k.refreshRotating().perServerCpuSecond();
            t.add("refresh grant (rotating, reuse-detecting), per server CPU-second; Keycloak with "
                    + "revokeRefreshToken (the fair comparison)", perCpu(refresh),
                    perCpu(rotating) + " (" + times(refresh / rotating) + ")", "≥ 10 × Keycloak",
                    refresh / rotating >= TEN_TIMES);
            double plain = k.refreshDefault().perServerCpuSecond();
            t.addForReference("refresh grant per server CPU-second; Keycloak's default (no rotation)",
                    perCpu(refresh), perCpu(plain) + " (" + times(refresh / plain) + ")");
            double kcPolling = k.polling().perServerCpuSecond();
            t.add("device polling per server CPU-second", perCpu(pollingCpu),
                    perCpu(kcPolling) + " (" + times(pollingCpu / kcPolling) + ")", "≥ 10 × Keycloak",
                    pollingCpu / kcPolling >= TEN_TIMES);
        }
        t.add("SigV4 verification in-process, per CPU-second of one core",
                String.format("%,.0f/s", sigV4.verificationsPerCpuSecond()), none, "≥ 200,000/s",
                sigV4.verificationsPerCpuSecond() >= 200_000);
        t.add("SigV4 verification, as × one HMAC of the string to sign", String.format("%.1f ×", sigV4.timesOneHmac()),
                none, "≤ 4 ×", sigV4.timesOneHmac() <= 4);
        // Start-up as an operator sees it: the launcher (its default JVM options and class-data sharing archive).
        long fresh = launcher.freshDatabase().listeningMillis();
        long restart = launcher.restart().listeningMillis();
        long idle = launcher.restart().idleRssMebibytes();
        t.add("start to listening, fresh database (Gatehouse: `bin/gatehouse-server`, median of " + launcher.runs()
                + "; Keycloak: fresh unzip, which re-builds once)", seconds(fresh),
                k == null ? absent : seconds(k.startup().toMillis()), "≤ 1.5 s", fresh <= 1500);
        t.add("start to listening, restart on the same database", seconds(restart),
                k == null ? absent : seconds(k.restart().toMillis()), "≤ 1 s", restart <= 1000);
        t.addForReference("start to listening, first start in a new data directory (no CDS archive yet)",
                seconds(launcher.first().listeningMillis()), none);
        t.add("RSS idle (Gatehouse: restarted launcher, 3 s after listening; Keycloak: ready)", idle + " MiB",
                k == null ? absent : k.rssIdleMebibytes() + " MiB", "≤ 200 MiB", idle <= 200);
        t.add("RSS after the load run", g.rssAfterLoad() + " MiB",
                k == null ? absent : k.rssAfterLoadMebibytes() + " MiB", "≤ 512 MiB", g.rssAfterLoad() <= 512);
        return t;
    }

    private static List<LoadMeter.Row> rows(Gatehouse g) {
        return List.of(g.pollingBaseline(), g.polling(), g.stsBaseline(), g.sts(), g.credentialsBaseline(),
                g.credentials(), g.authorizeBaseline(), g.authorize(), g.refresh());
    }

    private static List<LoadMeter.Row> rows(KeycloakRun.Figures k) {
        return List.of(k.polling(), k.refreshDefault(), k.refreshRotating());
    }

    private static String percent(double ratio) {
        return HttpLoadRun.percent(ratio);
    }

    private static String perCpu(double perSecond) {
        return String.format("%,.0f", perSecond);
    }

    private static String times(double ratio) {
        return String.format("%.1f ×", ratio);
    }

    private static String seconds(long millis) {
        return String.format("%.2f s", millis / 1e3);
    }

    private static int option(List<String> options, String name, int fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? Integer.parseInt(options.get(at + 1)) : fallback;
    }

    /** {@code uptime}'s line (load averages over 1, 5 and 15 minutes), or /proc/loadavg without it. */
    private static String uptime() throws IOException, InterruptedException {
        try {
            Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String line = new String(uptime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (uptime.waitFor() == 0) {
                return line;
            }
        } catch (IOException noUptime) {
            // fall through to /proc
        }
        return "loadavg " + HttpLoadRun.loadAverage();
    }

    private static void printTail(Path log) throws IOException {
        if (Files.isRegularFile(log)) {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.out::println);
        }
    }
}
