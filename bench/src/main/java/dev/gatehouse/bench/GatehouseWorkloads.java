package dev.gatehouse.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads of the HTTP load run against a seeded Gatehouse ({@link BenchServer}): wrk replays fixed
 * requests; refresh-token grants go through {@link ClosedLoopLoad}, because each one rotates the token the
 * next one needs. Each endpoint is meant to be measured right after {@code GET /healthz} of the same server
 * and client, so the ratio holds even when the machine is busy.
 */
final class GatehouseWorkloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Long enough for C2 to finish on a busy 2-core machine; shorter, the first /healthz run is still warming.
    static final Duration WARM_UP = Duration.ofSeconds(6);
    static final String HEALTHZ = "GET /healthz";

    private final LoadMeter meter;
    private final LoadFixture fixture;
    private final String base;
    private final int connections;
    private final String healthz = Wrk.fixedRequest("GET", Map.of(), null);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** One chain per seeded session, each carrying its latest token from run to run. */
    private final List<RefreshChain> chains;

    GatehouseWorkloads(LoadMeter meter, LoadFixture fixture, int connections) {
        this.meter = meter;
        this.fixture = fixture;
        this.base = "http://127.0.0.1:" + fixture.port();
        this.connections = connections;
        this.chains = fixture.refreshTokens().stream()
                .map(t -> RefreshChain.gatehouse(http, URI.create(base + "/token"), fixture.clientId(),
                        fixture.clientSecret(), t))
                .toList();
    }

    /** Every endpoint, each after its /healthz baseline: the table of {@link HttpLoadRun}. */
    List<LoadMeter.Row> all() throws Exception {
        warmUp();
        List<LoadMeter.Row> rows = new ArrayList<>();
        rows.add(healthz());
        rows.add(polling());
        rows.add(healthz());
        rows.add(callerIdentity());
        rows.add(healthz());
        rows.add(roleCredentials());
        rows.add(healthz());
        rows.add(authorize());
        warmUpJavaClient();
        rows.add(javaHealthz());
        rows.add(refresh());
        return rows;
    }

    /**
     * JIT warm-up of every wrk path before anything is measured. The writing endpoint goes first so that
     * H2's background writes after it have died down before polling's "disk B/req" is read.
     */
    void warmUp() throws Exception {
        meter.warmUp("credentials", base + credentialsPath(), credentialsScript(), WARM_UP);
        meter.warmUp("sts", base + "/", callerIdentityScript(), WARM_UP);
        meter.warmUp("authorize", base + AuthorizeCall.PATH, authorizeScript(), WARM_UP);
        meter.warmUp("polling", base + "/token", pollingScript(), WARM_UP);
        meter.warmUp("healthz", base + "/healthz", healthz, WARM_UP);
    }

    void warmUpJavaClient() throws Exception {
        ClosedLoopLoad.run(healthzCalls(), WARM_UP);
        ClosedLoopLoad.run(chains, WARM_UP);
    }

    LoadMeter.Row healthz() throws Exception {
        return meter.wrk(HEALTHZ, "healthz", base + "/healthz", healthz);
    }

    LoadMeter.Row polling() throws Exception {
        return meter.wrk("POST /token device_code, pending", "polling", base + "/token", pollingScript());
    }

    /** Signed just before its run: the signature is good for the 15-minute clock-skew window. */
    LoadMeter.Row callerIdentity() throws Exception {
        return meter.wrk("POST / (STS GetCallerIdentity)", "sts", base + "/", callerIdentityScript());
    }

    LoadMeter.Row roleCredentials() throws Exception {
        return meter.wrk("GET /federation/credentials (GetRoleCredentials)", "credentials", base + credentialsPath(),
                credentialsScript());
    }

    LoadMeter.Row authorize() throws Exception {
        return meter.wrk("POST /authz/v1/authorize (ALLOW)", "authorize", base + AuthorizeCall.PATH,
                authorizeScript());
    }

    LoadMeter.Row javaHealthz() throws Exception {
        return meter.java(HEALTHZ, healthzCalls());
    }

    LoadMeter.Row refresh() throws Exception {
        return meter.java("POST /token refresh_token (rotating)", chains);
    }

    private List<ClosedLoopLoad.Call> healthzCalls() {
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/healthz")).build();
        return Collections.nCopies(connections,
                () -> http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private String credentialsPath() {
        return "/federation/credentials?role_name=" + fixture.roleName() + "&account_id=" + fixture.accountId();
    }

    private String credentialsScript() {
        return Wrk.fixedRequest("GET", Map.of("x-amz-sso_bearer_token", fixture.accessToken()), null);
    }

    /**
     * Polls unapproved device codes in turn. Each code is polled far more often than its 1 s interval, so
     * nearly every answer is slow_down rather than authorization_pending; both take the same path (client
     * check, device-code lookup, in-memory poll tracker, no write). The response hook counts which it was.
     */
    private String pollingScript() throws JsonProcessingException {
        List<String> bodies = new ArrayList<>();
        for (String code : fixture.pendingDeviceCodes()) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("clientId", fixture.clientId());
            body.put("clientSecret", fixture.clientSecret());
            body.put("grantType", "urn:ietf:params:oauth:grant-type:device_code");
            body.put("deviceCode", code);
            bodies.add(JSON.writeValueAsString(body));
        }
        return PollingScript.rotating("/token", "application/json", bodies);
    }

    private String callerIdentityScript() {
        List<String> role = fixture.roleCredentials();
        GetCallerIdentityRequest signed = GetCallerIdentityRequest.signed(base.substring("http://".length()),
                role.get(0), role.get(1), role.get(2), "us-east-1", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return Wrk.fixedRequest("POST", signed.headers(), GetCallerIdentityRequest.BODY);
    }

    /** One service's question, replayed: its call and the forwarded request stay valid for the skew window. */
    private String authorizeScript() throws JsonProcessingException {
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
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " " + answer.body().substring(0, Math.min(120, answer.body().length()));
        } catch (IOException e) {
            return "failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
