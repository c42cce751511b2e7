package dev.gatehouse.it.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.keys.Secrets;
import dev.gatehouse.core.storage.Page;
import dev.gatehouse.it.AwsClients;
import dev.gatehouse.it.Browser;
import dev.gatehouse.it.launcher.GatehouseProcess;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.admin.AdminClient;
import dev.gatehouse.server.admin.AdminSocket;
import dev.gatehouse.server.config.ConfigLoader;
import dev.gatehouse.server.config.FreePorts;
import dev.gatehouse.store.testing.EmbeddedPostgresFixture;
import dev.gatehouse.store.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Issue 11, finding 2: once Gatehouse has answered a change, kill -9 does not undo it. A real server process takes
 * concurrent admin writes (users created and disabled through the admin socket) and device-flow logins (the AWS
 * SDK), and is killed when a seeded random number of answers has come back, so the kill lands among writes in
 * flight. Gatehouse then restarts on the same data and every answered change is there with its audit event, and
 * nothing is half-written: no user without its CreateUser event, no disabled user without its DisableUser event.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CrashDurabilityTest {

    private static final int ROUNDS = 5;
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "Ch@ngeMe-2026";

    private static EmbeddedPostgresFixture postgres;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startPostgres() {
        postgres = EmbeddedPostgresFixture.shared();
    }


    @Test
    void h2WhenKilledAtRandomMomentsThenEveryAnsweredChangeSurvives() throws Exception {
        crashRounds(Map.of(), seed());
    }

    @Test
    void postgresWhenKilledAtRandomMomentsThenEveryAnsweredChangeSurvives() throws Exception {
        TestDatabase database = postgres.freshDatabase();
        crashRounds(Map.of("GATEHOUSE_DB_URL", database.jdbcUrl(), "GATEHOUSE_DB_USER", database.user(),
                "GATEHOUSE_DB_PASSWORD", database.password()), seed());
    }

    private static long seed() {
        long seed = Long.getLong("gatehouse.crash.seed", System.nanoTime());
        System.out.println("CrashDurabilityTest seed: " + seed + " (rerun with -Dgatehouse.crash.seed=" + seed + ")");
        return seed;
    }

    /**
     * What the clients were told: each entry was answered as done, or (GetRoleCredentials of a role the user does
     * not hold, a read whose event is group-committed) answered as refused.
     */
    private record Answered(Set<String> created, Set<String> disabled, List<String> accessTokens,
                            List<String> refusedRoles) { }

    private void crashRounds(Map<String, String> database, long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, String> environment = new HashMap<>(database);
        environment.putAll(Map.of("GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD, "GATEHOUSE_MFA_WITHOUT_DEVICE", "allow",
                // A crash test needs no optimizing compiler; C1 alone starts the JVM sooner on two busy cores.
                "GATEHOUSE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xshare:auto"));
        Answered all = new Answered(concurrentSet(), concurrentSet(), new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < ROUNDS; round++) {
            int killAfter = 4 + random.nextInt(30);
            String earlierToken = all.accessTokens().isEmpty() ? null : all.accessTokens().getLast();
            Answered answered = crashOnce(environment, round, killAfter, earlierToken);
            System.out.printf("round %d: killed after %d answers: %d users created, %d disabled, %d logins, "
                    + "%d refused GetRoleCredentials%n", round, killAfter, answered.created().size(),
                    answered.disabled().size(), answered.accessTokens().size(), answered.refusedRoles().size());
            all.created().addAll(answered.created());
            all.disabled().addAll(answered.disabled());
            all.accessTokens().addAll(answered.accessTokens());
            all.refusedRoles().addAll(answered.refusedRoles());
            verifyAfterRestart(environment, all);
        }
        assertThat(all.created()).as("the rounds wrote something").isNotEmpty();
        assertThat(all.accessTokens()).as("the rounds logged in").isNotEmpty();
    }

    private static <T> Set<T> concurrentSet() {
        return java.util.concurrent.ConcurrentHashMap.newKeySet();
    }

    /**
     * One server life: concurrent writers and readers until {@code killAfter} answers have come back, then kill -9.
     * The readers use {@code earlierToken} (an earlier round's login, null in the first) or this round's first.
     */
    private Answered crashOnce(Map<String, String> environment, int round, int killAfter, String earlierToken)
            throws Exception {
        Answered answered = new Answered(concurrentSet(), concurrentSet(), List.of(), List.of());
        ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusedRoles = new ConcurrentLinkedQueue<>();
        CompletableFuture<String> readerToken = new CompletableFuture<>();
        if (earlierToken != null) {
            readerToken.complete(earlierToken);
        }
        AtomicInteger answers = new AtomicInteger();
        GatehouseProcess server = GatehouseProcess.start(dataDir, FreePorts.find(), environment);
        Runnable answeredOne = () -> {
            if (answers.incrementAndGet() == killAfter) {
                server.kill();
            }
        };
        List<Thread> writers = new ArrayList<>();
        for (int writer = 0; writer < 2; writer++) {
            String prefix = "r" + round + "w" + writer + "u";
            writers.add(Thread.ofPlatform().start(() -> adminWrites(prefix, answered, answeredOne)));
        }
        String rolePrefix = "r" + round + "role";
        writers.add(Thread.ofPlatform().start(() -> {
            try {
                deviceLogins(server.baseUrl(), tokens, readerToken, answeredOne);
            } finally {
                readerToken.complete(null);
            }
        }));
        // Reads do not count towards the kill: so many answer so fast that they would end every life before a login.
        writers.add(Thread.ofPlatform().start(() -> refusedReads(server.baseUrl(), readerToken.join(), rolePrefix,
                refusedRoles)));
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(60));
        }
        server.kill();
        return new Answered(answered.created(), answered.disabled(), List.copyOf(tokens), List.copyOf(refusedRoles));
    }

    /** Creates users one after another, disabling every other one; stops at the first unanswered command. */
    private void adminWrites(String prefix, Answered answered, Runnable answeredOne) {
        for (int i = 0; ; i++) {
            String userName = prefix + i;
            if (!admin("users", "create", "--user-name", userName, "--given-name", "Crash", "--family-name", "Test",
                    "--email", userName + "@example.com")) {
                return;
            }
            answered.created().add(userName);
            answeredOne.run();
            if (i % 2 == 1) {
                if (!admin("users", "disable", userName)) {
                    return;
                }
                answered.disabled().add(userName);
                answeredOne.run();
            }
        }
    }

    private boolean admin(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        OptionalInt exit = AdminClient.tryRun(AdminSocket.path(dataDir), List.of(args), sink, sink);
        return exit.isPresent() && exit.getAsInt() == 0;
    }

    /** Device-flow logins of the administrator: register, start, approve in the browser, CreateToken. */
    private static void deviceLogins(String baseUrl, ConcurrentLinkedQueue<String> tokens,
                                     CompletableFuture<String> firstToken, Runnable answeredOne) {
        try (SsoOidcClient oidc = AwsClients.ssoOidc(baseUrl)) {
            while (true) {
                RegisterClientResponse client = oidc.registerClient(r -> r.clientName("crash-test")
                        .clientType("public").scopes("sso:account:access"));
                StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r
                        .clientId(client.clientId()).clientSecret(client.clientSecret())
                        .startUrl(baseUrl + "/start"));
                Browser browser = new Browser(baseUrl);
                browser.signIn(ADMIN, ADMIN_PASSWORD, "/device?user_code=" + device.userCode());
                Browser.Page confirmation = browser.openDevicePage(device.userCode());
                browser.decide(confirmation, device.userCode(), "approve");
                CreateTokenResponse token = oidc.createToken(r -> r.clientId(client.clientId())
                        .clientSecret(client.clientSecret()).grantType("urn:ietf:params:oauth:grant-type:device_code")
                        .deviceCode(device.deviceCode()));
                tokens.add(token.accessToken());
                firstToken.complete(token.accessToken());
                answeredOne.run();
            }
        } catch (RuntimeException | AssertionError killed) {
            // the server is gone: this login was not answered
        }
    }

    /**
     * GetRoleCredentials, each for a role nobody holds: a read, refused and audited outside any transaction (its
     * event is group-committed). Stops at the first call not answered with that refusal; without a token, at once.
     */
    private static void refusedReads(String baseUrl, String accessToken, String rolePrefix,
                                     ConcurrentLinkedQueue<String> refusedRoles) {
        if (accessToken == null) {
            return;
        }
        try (SsoClient sso = AwsClients.sso(baseUrl)) {
            for (int i = 0; ; i++) {
                String roleName = rolePrefix + i;
                try {
                    sso.getRoleCredentials(r -> r.accessToken(accessToken).accountId("111122223333")
                            .roleName(roleName));
                } catch (ResourceNotFoundException refused) {
                    refusedRoles.add(roleName);
                }
            }
        } catch (SdkException killed) {
            // the server is gone: this read was not answered as refused
        }
    }

    /** Gatehouse restarted on the same data (in-process, to look inside): every answered change is there. */
    private void verifyAfterRestart(Map<String, String> environment, Answered answered) {
        Map<String, String> config = new HashMap<>(environment);
        config.put("GATEHOUSE_DATA_DIR", dataDir.toString());
        try (Services restarted = Services.open(new ConfigLoader(config).load(), Clock.systemUTC())) {
            Map<String, User> users = new HashMap<>();
            String after = null;
            List<User> page;
            do {
                page = restarted.core().identityStore().listUsers(after, 500);
                page.forEach(user -> users.put(user.userName(), user));
                after = page.isEmpty() ? null : page.getLast().userName();
            } while (page.size() == 500);

            assertThat(users.keySet()).as("answered creations").containsAll(answered.created());
            for (String userName : answered.disabled()) {
                assertThat(users.get(userName).status()).as(userName).isEqualTo(UserStatus.DISABLED);
            }
            for (String accessToken : answered.accessTokens()) {
                assertThat(restarted.store().sessions().findToken(Secrets.hash(accessToken)))
                        .as("answered login's access token").isPresent();
            }

            Set<String> refusalEvents = new HashSet<>();
            events(restarted, "GetRoleCredentials").stream().filter(e -> e.errorCode() != null)
                    .forEach(e -> refusalEvents.add(String.valueOf(e.requestParameters().get("roleName"))));
            assertThat(refusalEvents).as("GetRoleCredentials events of answered refusals")
                    .containsAll(answered.refusedRoles());

            Set<String> createEvents = userNamesOf(restarted, "CreateUser");
            Set<String> disableEvents = userNamesOf(restarted, "DisableUser");
            assertThat(createEvents).as("CreateUser events of answered creations").containsAll(answered.created());
            assertThat(disableEvents).as("DisableUser events of answered disables").containsAll(answered.disabled());
            assertThat(events(restarted, "CreateToken").stream().filter(e -> e.errorCode() == null).count())
                    .as("CreateToken events").isGreaterThanOrEqualTo(answered.accessTokens().size());

            // Nothing half-written: a change is there with its event, or neither is.
            Set<String> crashUsers = new HashSet<>(users.keySet());
            crashUsers.remove(ADMIN);
            assertThat(createEvents).containsAll(crashUsers);
            assertThat(users.keySet()).containsAll(createEvents);
            Set<String> disabledNow = new HashSet<>();
            users.values().stream().filter(user -> user.status() == UserStatus.DISABLED)
                    .forEach(user -> disabledNow.add(user.userName()));
            assertThat(disabledNow).isEqualTo(disableEvents);
        }
    }

    private static Set<String> userNamesOf(Services services, String eventName) {
        Set<String> names = new HashSet<>();
        for (AuditEvent event : events(services, eventName)) {
            names.add(String.valueOf(event.requestParameters().get("userName")));
        }
        return names;
    }

    private static List<AuditEvent> events(Services services, String eventName) {
        List<AuditEvent> events = new ArrayList<>();
        AuditQuery query = new AuditQuery(null, eventName, null, null, null, null, 500);
        String next = null;
        do {
            Page<AuditEvent> page = services.core().auditQueries().page(query, next);
            events.addAll(page.items());
            next = page.nextToken();
        } while (next != null);
        return events;
    }
}
