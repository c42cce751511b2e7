package dev.gatehouse.it.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gatehouse.it.AwsClients;
import dev.gatehouse.it.Browser;
import dev.gatehouse.it.launcher.GatehouseProcess.AdminRun;
import dev.gatehouse.server.config.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Issue 17, acceptance F: the release archive, unpacked in a temporary directory away from the checkout, needs
 * nothing of the checkout (no Maven, no sources): its {@code bin/gatehouse-server} starts, its admin commands set up a
 * person with a role, and the AWS SDK logs in through the device flow and gets that role's credentials.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReleaseArchiveTest {

    private static final Path CHECKOUT = Path.of(System.getProperty("user.dir")).getParent();
    private static final String PASSWORD = "Corr3ct-Horse-Battery";
    /** Short-lived admin commands need no optimizing compiler; C1 alone starts them sooner on two busy cores. */
    private static final Map<String, String> QUICK_JVM = Map.of("GATEHOUSE_JAVA_OPTS", "-XX:TieredStopAtLevel=1");
    private static final Pattern ACTIVATION = Pattern.compile("activation link: \\S+/activate\\?token=(\\S+)");

    @TempDir
    Path directory;

    private ReleaseArchive archive;
    private Path dataDir;

    @BeforeEach
    void unpack() throws Exception {
        archive = ReleaseArchive.unpackInto(Files.createDirectory(directory.resolve("install")));
        dataDir = directory.resolve("data");
        assertThat(ReleaseArchive.isUnder(archive.home(), CHECKOUT)).as("unpacked away from the checkout").isFalse();
    }

    @Test
    void archiveWhenUnpackedThenBothCommandsPrintTheProjectVersion() throws Exception {
        AdminRun server = archive.run(archive.server(dataDir, Map.of(), "--version"));
        AdminRun cli = archive.run(archive.cli(directory.resolve("cache"), "--version"));

        assertThat(server.exitCode()).as(server.output()).isZero();
        assertThat(server.output().strip()).isEqualTo("gatehouse-server " + ReleaseArchive.VERSION);
        assertThat(cli.exitCode()).as(cli.output()).isZero();
        assertThat(cli.output().strip()).isEqualTo("gatehouse " + ReleaseArchive.VERSION);
        assertThat(dataDir).as("--version touches no data").doesNotExist();
    }

    @Test
    void archiveWhenStartedThenAdminCommandsSetUpARoleAndTheSdkLogsInThroughTheDeviceFlow() throws Exception {
        GatehouseProcess server = GatehouseProcess.start(archive.server(dataDir, Map.of(
                "GATEHOUSE_BOOTSTRAP_ADMIN_USERNAME", "admin", "GATEHOUSE_BOOTSTRAP_ADMIN_PASSWORD", "Ch@ngeMe-2026",
                "GATEHOUSE_MFA_WITHOUT_DEVICE", "allow")), FreePorts.find());
        try {
            String activationToken = setUpDeveloper();
            activate(server.baseUrl(), activationToken);

            String accessToken = deviceLogin(server.baseUrl());
            try (SsoClient sso = AwsClients.sso(server.baseUrl())) {
                RoleCredentials credentials = sso.getRoleCredentials(r -> r.accessToken(accessToken)
                        .accountId("111122223333").roleName("PowerUserAccess")).roleCredentials();
                assertThat(credentials.accessKeyId()).isNotBlank();
                try (StsClient sts = AwsClients.sts(server.baseUrl(), credentials)) {
                    GetCallerIdentityResponse identity = sts.getCallerIdentity();
                    assertThat(identity.account()).isEqualTo("111122223333");
                    assertThat(identity.arn()).contains("PowerUserAccess").endsWith("/ed.developer");
                }
            }
            assertThat(dataDir.resolve("gatehouse.mv.db")).as("the database in the data directory given").exists();
        } finally {
            assertThat(server.stop()).as("SIGTERM ends the server cleanly:%n%s", server.output()).isZero();
        }
    }

    /** Through the archive's own {@code gatehouse-server admin …}; returns the new user's activation token. */
    private String setUpDeveloper() throws Exception {
        String created = admin("users", "create", "--user-name", "ed.developer", "--given-name", "Ed",
                "--family-name", "Developer", "--email", "ed@example.com");
        admin("accounts", "create", "--id", "111122223333", "--name", "Development", "--email", "aws+dev@example.com");
        admin("permission-sets", "create", "--name", "PowerUserAccess", "--managed-policy", "PowerUserAccess");
        String assigned = admin("assignments", "create", "--account", "111122223333",
                "--permission-set", "PowerUserAccess", "--user", "ed.developer");
        assertThat(assigned).contains("assigned ed.developer");
        Matcher link = ACTIVATION.matcher(created);
        assertThat(link.find()).as("activation link in:%n%s", created).isTrue();
        return link.group(1);
    }

    private String admin(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "admin";
        System.arraycopy(args, 0, command, 1, args.length);
        AdminRun run = archive.run(archive.server(dataDir, QUICK_JVM, command));
        assertThat(run.exitCode()).as("admin %s:%n%s", String.join(" ", args), run.output()).isZero();
        return run.output();
    }

    private static void activate(String baseUrl, String token) {
        Browser browser = new Browser(baseUrl);
        Browser.Page form = browser.get("/activate?token=" + token);
        assertThat(form.status()).as("activation form:%n%s", form.html()).isEqualTo(200);
        Browser.Page activated = browser.post("/activate", Map.of("token", token, "password", PASSWORD,
                "confirm", PASSWORD, "csrf", form.csrf()));
        assertThat(activated.status()).as("activation:%n%s", activated.html()).isEqualTo(200);
    }

    /** RegisterClient, StartDeviceAuthorization, the person approves in a browser, CreateToken: the access token. */
    private static String deviceLogin(String baseUrl) {
        try (SsoOidcClient oidc = AwsClients.ssoOidc(baseUrl)) {
            RegisterClientResponse client = oidc.registerClient(r -> r.clientName("release-archive-test")
                    .clientType("public").scopes("sso:account:access"));
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r
                    .clientId(client.clientId()).clientSecret(client.clientSecret()).startUrl(baseUrl + "/start"));
            Browser browser = new Browser(baseUrl);
            browser.signIn("ed.developer", PASSWORD, "/device?user_code=" + device.userCode());
            Browser.Page decided = browser.decide(browser.openDevicePage(device.userCode()), device.userCode(),
                    "approve");
            assertThat(decided.status()).as("approval:%n%s", decided.html()).isEqualTo(200);
            CreateTokenResponse tokens = oidc.createToken(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret()).grantType("urn:ietf:params:oauth:grant-type:device_code")
                    .deviceCode(device.deviceCode()));
            return tokens.accessToken();
        }
    }

    @Test
    void systemdUnitWhenVerifiedThenSystemdReportsNoProblem() throws Exception {
        Path systemdAnalyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(systemdAnalyze)) {
            String missing = "systemd-analyze (Debian package systemd) is not installed";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing + ", but CI is set: .ci/run installs it");
            }
            assumeThat(false).as(missing + ": skipping the unit's check").isTrue();
        }
        // The unit as shipped, its two paths pointed at this unpacked copy so every file it names exists.
        String unit = Files.readString(archive.file("systemd/gatehouse.service"))
                .replace("/etc/gatehouse/gatehouse.env", archive.file("systemd/gatehouse.env").toString())
                .replace("/opt/gatehouse", archive.home().toString());
        Path copy = Files.writeString(directory.resolve("gatehouse.service"), unit);

        Process verify = new ProcessBuilder(systemdAnalyze.toString(), "verify", copy.toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(verify.waitFor()).as(output).isZero();
        assertThat(output).as("systemd-analyze verify").isEmpty();
        assertThat(unit).contains("DynamicUser=yes", "ProtectSystem=strict", "StateDirectory=gatehouse",
                "NoNewPrivileges=yes", "CapabilityBoundingSet=\n", "EnvironmentFile=");
    }
}
