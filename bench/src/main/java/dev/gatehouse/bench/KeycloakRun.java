package dev.gatehouse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak measured by the same clients as Gatehouse in {@link GoalTableRun}: wrk rotating over pending device
 * codes, and {@link RefreshChain}s on virtual threads, each billed the CPU time of Keycloak's JVM. Refresh is
 * measured twice: with Keycloak's default (the refresh token is not rotated: the old one stays good) and with
 * the realm's revokeRefreshToken (rotation with reuse detection), which is what Gatehouse always does and so
 * the fair comparison.
 */
final class KeycloakRun {

    /**
     * Keycloak's JIT gets longer than Gatehouse's 6 s per path: nothing warmed it before, and the JIT's
     * threads are billed to the server's CPU like everything else in its JVM.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(15);

    /** What one Keycloak run measured. */
    record Figures(Duration startup, long rssIdleMebibytes, LoadMeter.Row polling, LoadMeter.Row refreshDefault,
                   LoadMeter.Row refreshRotating, long rssAfterLoadMebibytes, Duration restart) {

        /** The figures of the loaded run with the restart's start-up, measured after it stopped. */
        Figures withRestart(Duration restartedIn) {
            return new Figures(startup, rssIdleMebibytes, polling, refreshDefault, refreshRotating,
                    rssAfterLoadMebibytes, restartedIn);
        }
    }

    private KeycloakRun() {
    }

    static Figures measure(Path work, Duration measure, int connections, int threads, int pendingCodes)
            throws Exception {
        Path unpacked = Files.createDirectories(work.resolve("keycloak"));
        Path home = KeycloakDist.unpack(KeycloakDist.zip(), unpacked);
        Path log = work.resolve("keycloak.log");
        Figures loaded = load(home, log, measure, connections, threads, pendingCodes, work);
        // Again on the same home and database: no re-build (the first start of a fresh unzip does one).
        try (KeycloakProcess again = KeycloakProcess.start(home, work.resolve("keycloak-restart.log"))) {
            System.out.printf("Keycloak restarted: start to ready %d ms%n", again.startup().toMillis());
            return loaded.withRestart(again.startup());
        }
    }

    private static Figures load(Path home, Path log, Duration measure, int connections, int threads,
                                int pendingCodes, Path work) throws Exception {
        try (KeycloakProcess keycloak = KeycloakProcess.start(home, log);
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            long rssIdle = keycloak.rssMebibytes();
            System.out.printf("Keycloak java pid %d: start to ready %d ms; RSS idle %d MiB%n", keycloak.measured().pid(),
                    keycloak.startup().toMillis(), rssIdle);
            KeycloakBenchRealm realm = KeycloakBenchRealm.create(http, keycloak.baseUri());
            List<String> refreshTokens = realm.refreshTokens(connections);
            List<String> codes = realm.pendingDeviceCodes(pendingCodes);
            LoadMeter meter = new LoadMeter(keycloak, new Wrk(work, threads, connections), measure);

            String url = keycloak.baseUri() + KeycloakBenchRealm.tokenPath();
            String polling = pollingScript(codes);
            meter.warmUp("kc-polling", url, polling, WARM_UP);
            LoadMeter.Row pollingRow = meter.wrk("Keycloak POST token device_code, pending", "kc-polling", url,
                    polling);

            URI tokenUri = realm.tokenUri();
            List<RefreshChain> chains = refreshTokens.stream()
                    .map(t -> RefreshChain.oauth(http, tokenUri, KeycloakBenchRealm.CLIENT_ID, t)).toList();
            ClosedLoopLoad.run(chains, WARM_UP);
            LoadMeter.Row refreshDefault = meter.java("Keycloak refresh_token (default, not rotating)", chains);
            realm.rotateRefreshTokens(true);
            ClosedLoopLoad.run(chains, GatehouseWorkloads.WARM_UP); // the same code, now with the reuse check
            LoadMeter.Row refreshRotating = meter.java("Keycloak refresh_token (revokeRefreshToken, rotating)", chains);
            return new Figures(keycloak.startup(), rssIdle, pollingRow, refreshDefault, refreshRotating,
                    keycloak.rssMebibytes(), null); // restarted later, once this one has stopped
        }
    }

    private static String pollingScript(List<String> codes) {
        List<String> bodies = codes.stream().map(code -> KeycloakBenchRealm.form(Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", KeycloakBenchRealm.CLIENT_ID, "device_code", code))).toList();
        return PollingScript.rotating(KeycloakBenchRealm.tokenPath(), "application/x-www-form-urlencoded", bodies);
    }
}
