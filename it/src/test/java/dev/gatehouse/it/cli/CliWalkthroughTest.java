package dev.gatehouse.it.cli;

import static dev.gatehouse.it.cli.DeveloperAtCli.ACCOUNT_ID;
import static dev.gatehouse.it.cli.DeveloperAtCli.ROLE_ARN;
import static dev.gatehouse.it.cli.DeveloperAtCli.ROLE_NAME;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.it.AwsClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * DESIGN.md §1 steps 7–10 with {@code bin/gatehouse}, in order, as one person does them in one home: configure
 * through the prompts, use the profile every way, add a second session with flags only, log out of one, then all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CliWalkthroughTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Path home;
    private DeveloperAtCli ed;
    private GatehouseCli cli;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path home) {
        this.home = home;
        ed = DeveloperAtCli.start(dataDir, home);
        cli = ed.cli();
    }

    @AfterAll
    void stop() {
        if (ed != null) {
            ed.close();
        }
    }

    @Test
    @Order(1)
    void configureSsoWhenAnsweredThroughPromptsThenProfileSessionAndServicesWritten() throws Exception {
        String answers = String.join("\n", "my-sso", ed.startUrl(), "us-east-1", "", "us-east-1", "json", "dev") + "\n";

        CliProcess.Result configured = ed.runApproving(answers, "configure", "sso", "--use-device-code",
                "--no-browser").assertSucceeded();

        assertThat(configured.out()).containsSubsequence("SSO session name (Recommended): ",
                "SSO start URL [None]: ", "SSO region [None]: ", "SSO registration scopes [sso:account:access]: ",
                "Browser will not be automatically opened.", "Then enter the code:",
                "The only AWS account available to you is: " + ACCOUNT_ID, "Using the account ID " + ACCOUNT_ID,
                "The only role available to you is: " + ROLE_NAME, "Using the role name \"" + ROLE_NAME + "\"",
                "CLI default client Region [None]: ", "CLI default output format [None]: ",
                "CLI profile name [PowerUserAccess-111122223333]: ",
                "gatehouse sts get-caller-identity --profile dev");
        String endpoint = "  endpoint_url = " + ed.baseUrl();
        assertThat(Files.readString(cli.config())).isEqualTo("""
                [profile dev]
                sso_session = my-sso
                sso_account_id = 111122223333
                sso_role_name = PowerUserAccess
                region = us-east-1
                output = json
                services = gatehouse

                [sso-session my-sso]
                sso_start_url = %s
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access

                [services gatehouse]
                sso_oidc =
                %s
                sso =
                %s
                sts =
                %s
                identitystore =
                %s
                sso_admin =
                %s
                """.formatted(ed.startUrl(), endpoint, endpoint, endpoint, endpoint, endpoint));

        Path token = home.resolve(".aws/sso/cache/" + sha1("my-sso") + ".json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        JsonNode cached = JSON.readTree(token.toFile());
        assertThat(cached.get("startUrl").asText()).isEqualTo(ed.startUrl());
        assertThat(cached.get("region").asText()).isEqualTo("us-east-1");
        assertThat(cached.get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(cached.get("registrationExpiresAt").asText()).endsWith("Z");
        for (String key : new String[] {"accessToken", "clientId", "clientSecret", "refreshToken"}) {
            assertThat(cached.get(key).asText()).as(key).isNotBlank();
        }
        String registrationKey = "{\"region\": \"us-east-1\", \"scopes\": [\"sso:account:access\"], \"session_name\": "
                + "\"my-sso\", \"startUrl\": \"" + ed.startUrl() + "\", \"tool\": \"botocore\"}";
        JsonNode registration = JSON.readTree(home.resolve(".aws/sso/cache/" + sha1(registrationKey) + ".json")
                .toFile());
        assertThat(registration.get("clientId").asText()).isEqualTo(cached.get("clientId").asText());
        assertThat(registration.get("scopes").get(0).asText()).isEqualTo("sso:account:access");
    }

    @Test
    @Order(2)
    void stsGetCallerIdentityThenTheRoleSessionOfEd() throws Exception {
        JsonNode identity = JSON.readTree(cli.run("sts", "get-caller-identity", "--profile", "dev")
                .assertSucceeded().out());

        assertThat(identity.get("Account").asText()).isEqualTo(ACCOUNT_ID);
        assertThat(identity.get("Arn").asText()).matches(ROLE_ARN);
        assertThat(identity.get("UserId").asText()).matches("AROA[A-Z0-9]+:ed\\.developer");
        assertThat(cli.with(Map.of("AWS_PROFILE", "dev")).run("--output", "text", "sts", "get-caller-identity")
                .assertSucceeded().out())
                .as("AWS_PROFILE and --output text: values in key order, tab-separated")
                .isEqualTo(ACCOUNT_ID + "\t" + identity.get("Arn").asText() + "\t" + identity.get("UserId").asText()
                        + "\n");
    }

    @Test
    @Order(3)
    void configureListProfilesAndListThenTheProfileAndWhereItsSettingsComeFrom() {
        assertThat(cli.run("configure", "list-profiles").assertSucceeded().out()).isEqualTo("dev\n");

        String listing = cli.run("configure", "list", "--profile", "dev").assertSucceeded().out();

        assertThat(listing.lines().toList()).hasSize(6);
        assertThat(listing).contains("   profile                      dev           manual    --profile")
                .containsPattern("access_key +\\*{16}[A-Z0-9]{4} +sso")
                .containsPattern("secret_key +\\*{16}\\S{4} +sso")
                .contains("    region                us-east-1      config-file    ~/.aws/config");
    }

    @Test
    @Order(4)
    void exportCredentialsThenEveryFormatOfTheAwsCli() throws Exception {
        JsonNode process = JSON.readTree(cli.run("configure", "export-credentials", "--profile", "dev")
                .assertSucceeded().out());
        assertThat(process.get("Version").asInt()).isEqualTo(1);
        String keyId = process.get("AccessKeyId").asText();
        String secret = process.get("SecretAccessKey").asText();
        String token = process.get("SessionToken").asText();
        String expiration = process.get("Expiration").asText();
        assertThat(keyId).startsWith("ASIA");
        assertThat(expiration).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00");

        Map<String, String> expected = Map.of(
                "env", "export AWS_ACCESS_KEY_ID=%s\nexport AWS_SECRET_ACCESS_KEY=%s\nexport AWS_SESSION_TOKEN=%s\n"
                        + "export AWS_CREDENTIAL_EXPIRATION=%s\n",
                "env-no-export", "AWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\nAWS_SESSION_TOKEN=%s\n"
                        + "AWS_CREDENTIAL_EXPIRATION=%s\n",
                "powershell", "$Env:AWS_ACCESS_KEY_ID=\"%s\"\n$Env:AWS_SECRET_ACCESS_KEY=\"%s\"\n"
                        + "$Env:AWS_SESSION_TOKEN=\"%s\"\n$Env:AWS_CREDENTIAL_EXPIRATION=\"%s\"\n",
                "windows-cmd", "set AWS_ACCESS_KEY_ID=%s\nset AWS_SECRET_ACCESS_KEY=%s\nset AWS_SESSION_TOKEN=%s\n"
                        + "set AWS_CREDENTIAL_EXPIRATION=%s\n",
                "fish", "set -gx AWS_ACCESS_KEY_ID \"%s\"\nset -gx AWS_SECRET_ACCESS_KEY \"%s\"\n"
                        + "set -gx AWS_SESSION_TOKEN \"%s\"\nset -gx AWS_CREDENTIAL_EXPIRATION \"%s\"\n");
        for (Map.Entry<String, String> format : expected.entrySet()) {
            assertThat(cli.run("configure", "export-credentials", "--profile", "dev", "--format", format.getKey())
                    .assertSucceeded().out())
                    .as(format.getKey())
                    .isEqualTo(format.getValue().formatted(keyId, secret, token, expiration));
        }
    }

    @Test
    @Order(5)
    void credentialProcessWhenUsedByTheJavaSdkThenItSignsAsEd() throws Exception {
        Path sdkConfig = home.resolve("sdk-config");
        Files.writeString(sdkConfig, """
                [profile from-gatehouse]
                credential_process = env HOME=%s %s configure export-credentials --profile dev --format process
                """.formatted(home, GatehouseCli.LAUNCHER));
        ProfileCredentialsProvider credentials = ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content(sdkConfig).type(ProfileFile.Type.CONFIGURATION).build())
                .profileName("from-gatehouse")
                .build();

        try (StsClient sts = AwsClients.sts(ed.baseUrl(), credentials)) {
            assertThat(sts.getCallerIdentity().arn()).matches(ROLE_ARN);
        }
    }

    @Test
    @Order(6)
    void configureSsoWithFlagsOnlyThenASecondSessionWithoutAnyQuestion() throws Exception {
        CliProcess.Result configured = ed.configureWithFlags("work", "work-dev").assertSucceeded();

        assertThat(configured.out()).doesNotContain("[None]: ").contains("--profile work-dev");
        assertThat(Files.readString(cli.config())).contains("""
                [profile work-dev]
                sso_session = work
                sso_account_id = 111122223333
                sso_role_name = PowerUserAccess
                region = us-east-1
                services = gatehouse
                """).contains("[sso-session work]\nsso_start_url = " + ed.startUrl());
        assertThat(cli.run("configure", "list-profiles").assertSucceeded().out()).isEqualTo("dev\nwork-dev\n");
        assertThat(JSON.readTree(cli.run("sts", "get-caller-identity", "--profile", "work-dev").assertSucceeded()
                .out()).get("Arn").asText()).matches(ROLE_ARN);
    }

    @Test
    @Order(7)
    void ssoSessionsThenEachCachedSessionWithExpiryAndRefresh() throws Exception {
        JsonNode sessions = JSON.readTree(cli.run("sso", "sessions").assertSucceeded().out()).get("Sessions");

        assertThat(sessions).hasSize(2);
        for (JsonNode session : sessions) {
            assertThat(session.get("SessionName").asText()).isIn("my-sso", "work");
            assertThat(session.get("StartUrl").asText()).isEqualTo(ed.startUrl());
            assertThat(session.get("Expired").asBoolean()).isFalse();
            assertThat(session.get("CanRefresh").asBoolean()).isTrue();
        }
    }

    @Test
    @Order(8)
    void ssoLogoutOfOneSessionThenTheOtherStillWorks() throws Exception {
        String workToken = JSON.readTree(home.resolve(".aws/sso/cache/" + sha1("work") + ".json").toFile())
                .get("accessToken").asText();

        cli.run("sso", "logout", "--sso-session", "work").assertSucceeded();

        assertThat(home.resolve(".aws/sso/cache/" + sha1("work") + ".json")).doesNotExist();
        JsonNode sessions = JSON.readTree(cli.run("sso", "sessions").assertSucceeded().out()).get("Sessions");
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("SessionName").asText()).isEqualTo("my-sso");
        cli.run("sts", "get-caller-identity", "--profile", "dev").assertSucceeded();
        cli.run("sts", "get-caller-identity", "--profile", "work-dev")
                .assertFailedWith(5, "Run: gatehouse sso login --sso-session work");
        try (var portal = AwsClients.sso(ed.baseUrl())) {
            assertThat(catchUnauthorized(() -> portal.listAccounts(r -> r.accessToken(workToken))))
                    .as("the server ended the session too").isTrue();
        }
    }

    @Test
    @Order(9)
    void ssoLogoutOfAllThenNoTokenAndNoRoleCredentialsAreLeft() throws Exception {
        cli.run("sso", "logout").assertSucceeded();

        try (var files = Files.list(home.resolve(".aws/sso/cache"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> read(f).contains("accessToken"))).isEmpty();
        }
        try (var files = Files.list(home.resolve(".aws/cli/cache"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).isEmpty();
        }
        cli.run("sts", "get-caller-identity", "--profile", "dev")
                .assertFailedWith(5, "Error: not logged in to the SSO session 'my-sso'. Run: gatehouse sso login"
                        + " --sso-session my-sso");
    }

    private static boolean catchUnauthorized(Runnable call) {
        try {
            call.run();
            return false;
        } catch (software.amazon.awssdk.services.sso.model.UnauthorizedException e) {
            return true;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
