package dev.gatehouse.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * HTTP load on loopback against a real server in a child JVM ({@link BenchServer}). Every endpoint is
 * measured right after {@code GET /healthz} of the same server and client, so the ratio holds even when
 * the machine is busy. wrk replays fixed requests; refresh-token grants go through {@link ClosedLoopLoad},
 * because each one rotates the token the next one needs.
 *
 * <p>Arguments (all optional): seconds per measured run (10), connections (64), wrk threads (2).
 */
public final class HttpLoadRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Long enough for C2 to finish on a busy 2-core machine; shorter, the first /healthz run is still warming.
    private static final Duration WARM_UP = Duration.ofSeconds(6);
    private static final int PENDING_DEVICE_CODES = 256;

    /** One line of the report. */
    record Row(String endpoint, String client, double perSecond, double p50Micros, double p99Micros, long failures,
               Duration serverCpu, long storageWrites, String note) {
        double serverCpuMicrosPerRequest(double seconds) {
            return serverCpu.toNanos() / 1e3 / (perSecond * seconds);
        }
    }

    private final ServerProcess server;
    private final Wrk wrk;
    private final Duration measure;
    private final String base;

    private HttpLoadRun(ServerProcess server, Wrk wrk, Duration measure, int port) {
        this.server = server;
        this.wrk = wrk;
        this.measure = measure;
        this.base = "http://127.0.0.1:" + port;
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
            HttpLoadRun run = new HttpLoadRun(server, new Wrk(work, threads, connections), measure, fixture.port());
            List<Row> rows = run.all(fixture, connections);
            print(rows, measure, connections, threads);
            System.out.printf("server RSS after the run %d MiB; loadavg at end: %s%n", server.rssMebibytes(), loadAverage());
        } finally {
            deleteRecursively(work);
        }
    }

    private List<Row> all(LoadFixture fixture, int connections) throws Exception {
        String healthz = Wrk.fixedRequest("GET", Map.of(), null);
        String credentials = Wrk.fixedRequest("GET", Map.of("x-amz-sso_bearer_token", fixture.accessToken()), null);
        String credentialsPath = "/federation/credentials?role_name=" + fixture.roleName() + "&account_id="
                + fixture.accountId();
        String polling = pollingScript(fixture);

        // JIT warm-up of every path before anything is measured. The writing endpoint goes first so that
        // H2's background writes after it have died down before polling's "disk B/req" is read.
        wrk.run("warm-credentials", base + credentialsPath, credentials, WARM_UP);
        wrk.run("warm-sts", base + "/", callerIdentityScript(fixture), WARM_UP);
        wrk.run("warm-authorize", base + AuthorizeCall.PATH, authorizeScript(fixture), WARM_UP);
        wrk.run("warm-polling", base + "/token", polling, WARM_UP);
        wrk.run("warm-healthz", base + "/healthz", healthz, WARM_UP);

        List<Row> rows = new ArrayList<>();
        rows.add(wrkRow("GET /healthz", "healthz", base + "/healthz", healthz));
        rows.add(wrkRow("POST /token device_code, pending", "polling", base + "/token", polling));
        rows.add(wrkRow("GET /healthz", "healthz", base + "/healthz", healthz));
        // Signed just before its run: the signature is good for the 15-minute clock-skew window.
        rows.add(wrkRow("POST / (STS GetCallerIdentity)", "sts", base + "/", callerIdentityScript(fixture)));
        rows.add(wrkRow("GET /healthz", "healthz", base + "/healthz", healthz));
        rows.add(wrkRow("GET /federation/credentials (GetRoleCredentials)", "credentials", base + credentialsPath,
                credentials));
        rows.add(wrkRow("GET /healthz", "healthz", base + "/healthz", healthz));
        rows.add(wrkRow("POST /authz/v1/authorize (ALLOW)", "authorize", base + AuthorizeCall.PATH,
                authorizeScript(fixture)));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<RefreshChain> chains = fixture.refreshTokens().stream()
                .map(t -> new RefreshChain(http, URI.create(base + "/token"), fixture.clientId(),
                        fixture.clientSecret(), t))
                .toList();
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/healthz")).build();
        List<ClosedLoopLoad.Call> healthzCalls = Collections.nCopies(connections,
                () -> http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        ClosedLoopLoad.run(healthzCalls, WARM_UP);
        ClosedLoopLoad.run(chains, WARM_UP);
        rows.add(javaRow("GET /healthz", healthzCalls));
        rows.add(javaRow("POST /token refresh_token (rotating)", chains));
        return rows;
    }

    private Row wrkRow(String endpoint, String name, String url, String script) throws Exception {
        Duration cpuBefore = server.cpuTime();
        long writesBefore = server.storageWriteBytes();
        Wrk.Result r = wrk.run(name, url, script, measure);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        long writes = server.storageWriteBytes() - writesBefore;
        return new Row(endpoint, "wrk", r.perSecond(), r.p50Micros(), r.p99Micros(), r.non2xx() + r.socketErrors(),
                cpu, writes, r.extraOutput());
    }

    private Row javaRow(String endpoint, List<? extends ClosedLoopLoad.Call> calls) throws Exception {
        Duration cpuBefore = server.cpuTime();
        long writesBefore = server.storageWriteBytes();
        ClosedLoopLoad.Result r = ClosedLoopLoad.run(calls, measure);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        long writes = server.storageWriteBytes() - writesBefore;
        return new Row(endpoint, "java", r.perSecond(), r.p50Micros(), r.p99Micros(), r.failures(), cpu, writes, "");
    }

    /**
     * Polls unapproved device codes in turn. Each code is polled far more often than its 1 s interval, so
     * nearly every answer is slow_down rather than authorization_pending; both take the same path (client
     * check, device-code lookup, in-memory poll tracker, no write). The response hook counts which it was.
     */
    private static String pollingScript(LoadFixture fixture) throws JsonProcessingException {
        StringBuilder lua = new StringBuilder("local bodies = {\n");
        for (String code : fixture.pendingDeviceCodes()) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("clientId", fixture.clientId());
            body.put("clientSecret", fixture.clientSecret());
            body.put("grantType", "urn:ietf:params:oauth:grant-type:device_code");
            body.put("deviceCode", code);
            lua.append("  ").append(Wrk.lua(JSON.writeValueAsString(body))).append(",\n");
        }
        lua.append("""
                }
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                local threads = {}
                function setup(thread) table.insert(threads, thread) end
                local turn = 0
                pending, slow, other = 0, 0, 0
                function request()
                  turn = turn % #bodies + 1
                  return wrk.format(nil, "/token", nil, bodies[turn])
                end
                function response(status, headers, body)
                  if string.find(body, "slow_down", 1, true) then slow = slow + 1
                  elseif string.find(body, "authorization_pending", 1, true) then pending = pending + 1
                  else other = other + 1 end
                end
                function report()
                  local p, s, o = 0, 0, 0
                  for _, t in ipairs(threads) do
                    p = p + t:get("pending"); s = s + t:get("slow"); o = o + t:get("other")
                  end
                  io.write(string.format("COUNT authorization_pending=%d slow_down=%d other=%d\\n", p, s, o))
                end
                """);
        return lua.toString();
    }

    private String callerIdentityScript(LoadFixture fixture) {
        List<String> role = fixture.roleCredentials();
        GetCallerIdentityRequest signed = GetCallerIdentityRequest.signed(base.substring("http://".length()),
                role.get(0), role.get(1), role.get(2), "us-east-1", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return Wrk.fixedRequest("POST", signed.headers(), GetCallerIdentityRequest.BODY);
    }

    /** One service's question, replayed: its call and the forwarded request stay valid for the skew window. */
    private String authorizeScript(LoadFixture fixture) throws JsonProcessingException {
        AuthorizeCall call = AuthorizeCall.signed(base.substring("http://".length()), fixture.roleCredentials(),
                fixture.serviceCredential(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        System.out.println("authorize answer: " + probe(call));
        return Wrk.fixedRequest("POST", call.headers(), new String(call.body(), StandardCharsets.UTF_8));
    }

    /** The answer to one call, printed so the run shows it measured an ALLOW and not a refusal. */
    private String probe(AuthorizeCall call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + AuthorizeCall.PATH))
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " " + answer.body().substring(0, Math.min(120, answer.body().length()));
        } catch (IOException e) {
            return "failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Besides throughput, the table gives the server's CPU time per request from /proc: on a machine shared
     * with other work it moves less than throughput does, and "CPU vs /healthz" is the cost ratio.
     */
    private static void print(List<Row> rows, Duration measure, int connections, int threads) {
        System.out.printf("%n%d s per run, %d connections (wrk: %d threads; java: %d virtual threads)%n%n",
                measure.toSeconds(), connections, threads, connections);
        System.out.println("| endpoint | client | req/s | vs /healthz | p50 ms | p99 ms | failed "
                + "| server CPU µs/req | per server-CPU-s | CPU vs /healthz | disk B/req | note |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        double healthz = 0;
        double healthzCpu = 0;
        for (Row row : rows) {
            double cpuPerRequest = row.serverCpuMicrosPerRequest(measure.toSeconds());
            boolean baseline = row.endpoint().equals("GET /healthz");
            if (baseline) {
                healthz = row.perSecond();
                healthzCpu = cpuPerRequest;
            }
            double requests = row.perSecond() * measure.toSeconds();
            System.out.printf("| %s | %s | %,.0f | %s | %.2f | %.2f | %d | %.0f | %,.0f | %s | %.0f | %s |%n",
                    row.endpoint(), row.client(), row.perSecond(),
                    baseline ? "—" : percent(row.perSecond() / healthz), row.p50Micros() / 1e3,
                    row.p99Micros() / 1e3, row.failures(), cpuPerRequest, 1e6 / cpuPerRequest,
                    baseline ? "—" : percent(healthzCpu / cpuPerRequest), row.storageWrites() / requests, row.note());
        }
    }

    private static String percent(double ratio) {
        return String.format("%.1f %%", 100 * ratio);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
