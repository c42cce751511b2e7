package dev.gatehouse.it.awscli;

import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.ACCOUNT_ID;
import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.ROLE_ARN;
import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.SSO_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.it.AwsClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Acceptance B and C with the unmodified AWS CLI 2.9.19: after one {@code aws sso login --profile dev
 * --no-browser} on an {@code sso-session} profile, everything a developer does next — none of which changes the
 * login, so they share it.
 */
@ExtendWith(AwsCliInstalled.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AwsCliLoggedInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatehouseWithDeveloper gatehouse;
    private AwsCli aws;
    private String loginOutput;

    @BeforeAll
    void logIn(@TempDir Path serverDir, @TempDir Path home) {
        gatehouse = GatehouseWithDeveloper.start(serverDir);
        aws = gatehouse.awsCliFor(home);
        aws.writeConfig(gatehouse.devProfile());
        loginOutput = gatehouse.logIn(aws, "--profile", "dev");
    }

    @AfterAll
    void stop() {
        if (gatehouse != null) {
            gatehouse.close();
        }
    }

    @Test
    void ssoLoginWhenApprovedThenSaysSoAndCachesTheTokenUnderTheSessionName() throws Exception {
        assertThat(loginOutput).contains("Successfully logged into Start URL: " + gatehouse.startUrl());

        Path token = aws.tokens().file(SSO_SESSION);
        JsonNode cached = aws.tokens().token(SSO_SESSION);
        assertThat(cached.get("startUrl").asText()).isEqualTo(gatehouse.startUrl());
        assertThat(cached.get("region").asText()).isEqualTo("us-east-1");
        assertThat(cached.get("accessToken").asText()).isNotBlank();
        assertThat(cached.get("refreshToken").asText()).as("the session asked for scopes").isNotBlank();
        assertThat(cached.get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
    }

    @Test
    void getCallerIdentityWhenLoggedInThenPrintsTheAssumedRoleOfThePermissionSet() throws Exception {
        JsonNode identity = JSON.readTree(aws.run("sts", "get-caller-identity", "--profile", "dev")
                .assertSucceeded().stdout());

        assertThat(identity.get("Account").asText()).isEqualTo(ACCOUNT_ID);
        assertThat(identity.get("Arn").asText()).matches(ROLE_ARN);
        assertThat(identity.get("UserId").asText()).matches("AROA[A-Z0-9]+:ed\\.developer");
    }

    @Test
    void exportCredentialsWhenLoggedInThenPrintsRoleCredentialsThatWork() throws Exception {
        JsonNode process = JSON.readTree(aws.run("configure", "export-credentials", "--profile", "dev")
                .assertSucceeded().stdout());

        assertThat(process.get("Version").asInt()).isEqualTo(1);
        assertThat(process.get("AccessKeyId").asText()).startsWith("ASIA");
        assertThat(process.get("Expiration").asText()).isNotBlank();
        try (StsClient sts = AwsClients.sts(gatehouse.baseUrl(), process.get("AccessKeyId").asText(),
                process.get("SecretAccessKey").asText(), process.get("SessionToken").asText())) {
            assertThat(sts.getCallerIdentity().arn()).matches(ROLE_ARN);
        }

        Map<String, String> exported = exports(aws.run("configure", "export-credentials", "--profile", "dev",
                "--format", "env").assertSucceeded().stdout());
        assertThat(exported).containsEntry("AWS_ACCESS_KEY_ID", process.get("AccessKeyId").asText())
                .containsEntry("AWS_SECRET_ACCESS_KEY", process.get("SecretAccessKey").asText())
                .containsEntry("AWS_SESSION_TOKEN", process.get("SessionToken").asText());
    }

    @Test
    void configureListWhenLoggedInThenShowsTheProfileAndItsSsoCredentials() {
        assertThat(aws.run("configure", "list-profiles").assertSucceeded().stdout().lines()).containsExactly("dev");

        String list = aws.run("configure", "list", "--profile", "dev").assertSucceeded().stdout();
        assertThat(list).containsPattern("profile\\s+dev\\s+manual\\s+--profile")
                .containsPattern("access_key\\s+\\*+[A-Z0-9]{4}\\s+sso")
                .containsPattern("region\\s+us-east-1\\s+config-file");
    }

    @Test
    void javaSdkDefaultChainWhenAwsCliCachedTheTokenThenUsesIt() {
        String arn = DefaultChainCallerIdentity.runWithEndpointVariables(aws, gatehouse.baseUrl(), "dev");

        assertThat(arn).matches(ROLE_ARN);
    }

    @Test
    void javaSdkDefaultChainWhenProfileNamesAServicesSectionThenNeedsNoEndpointVariables() throws Exception {
        Path config = aws.home().resolve("config-with-services");
        Files.writeString(config, gatehouse.devProfileWithServices());

        String arn = DefaultChainCallerIdentity.runWithConfigFile(aws, config, "dev");

        assertThat(arn).matches(ROLE_ARN);
    }

    private static Map<String, String> exports(String script) {
        Pattern export = Pattern.compile("^export (\\w+)=(.*)$", Pattern.MULTILINE);
        return export.matcher(script).results()
                .collect(Collectors.toMap(match -> match.group(1), match -> match.group(2)));
    }
}
