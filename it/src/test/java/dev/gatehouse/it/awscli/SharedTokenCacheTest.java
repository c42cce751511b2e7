package dev.gatehouse.it.awscli;

import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.ROLE_ARN;
import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.SSO_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance C: one login, whichever tool made it. A token cached by {@code gatehouse sso login} serves the
 * unmodified AWS CLI 2.9.19 and the AWS SDK for Java v2's default chain; one cached by {@code aws sso login}
 * serves {@code gatehouse}. The profile is the one {@code gatehouse configure sso} writes.
 */
@ExtendWith(AwsCliInstalled.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SharedTokenCacheTest extends FreshGatehouseWithAwsCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatehouseCli gatehouseCli;

    @BeforeEach
    void configure() {
        aws.writeConfig(gatehouse.devProfileWithServices());
        gatehouseCli = new GatehouseCli(aws);
    }

    @Test
    void tokenCachedByGatehouseSsoLoginThenAwsCliAndJavaSdkUseIt() {
        try (RunningCommand login = gatehouseCli.start("sso", "login", "--profile", "dev", "--use-device-code",
                "--no-browser")) {
            gatehouse.approveCodeShownBy(login);
            assertThat(login.awaitExit(AwsCli.TIMEOUT)).as(login.output()).isZero();
        }
        assertThat(aws.credentialCache()).as("no role credentials cached: the token must serve")
                .satisfiesAnyOf(cache -> assertThat(cache).doesNotExist(),
                        cache -> assertThat(cache).isDirectoryNotContaining("glob:**.json"));

        String awsArn = aws.run("sts", "get-caller-identity", "--profile", "dev", "--query", "Arn", "--output",
                "text").assertSucceeded().stdout().strip();
        assertThat(awsArn).matches(ROLE_ARN);
        assertThat(DefaultChainCallerIdentity.runWithConfigFile(aws, aws.configFile(), "dev")).matches(ROLE_ARN);
    }

    @Test
    void tokenCachedByAwsSsoLoginThenGatehouseUsesIt() throws Exception {
        gatehouse.logIn(aws, "--profile", "dev");

        String identity = gatehouseCli.run("sts", "get-caller-identity", "--profile", "dev", "--output", "json")
                .assertSucceeded().stdout();
        assertThat(JSON.readTree(identity).get("Arn").asText()).matches(ROLE_ARN);
    }

    @Test
    void refreshTokenWhenRotatedByOneToolThenTheOtherRefreshesWithTheNewOne() {
        gatehouse.logIn(aws, "--profile", "dev");
        String first = aws.tokens().token(SSO_SESSION).get("refreshToken").asText();

        aws.tokens().expireIn(SSO_SESSION, Duration.ofMinutes(5));
        gatehouseCli.run("sts", "get-caller-identity", "--profile", "dev").assertSucceeded();
        String second = aws.tokens().token(SSO_SESSION).get("refreshToken").asText();
        assertThat(second).as("gatehouse refreshed and cached the rotated refresh token").isNotEqualTo(first);

        // The first refresh token is spent; the AWS CLI only succeeds with the one gatehouse cached.
        aws.tokens().expireIn(SSO_SESSION, Duration.ofMinutes(5));
        aws.forgetCachedCredentials();
        String arn = aws.run("sts", "get-caller-identity", "--profile", "dev", "--query", "Arn", "--output", "text")
                .assertSucceeded().stdout().strip();
        assertThat(arn).matches(ROLE_ARN);
        assertThat(aws.tokens().token(SSO_SESSION).get("refreshToken").asText()).isNotEqualTo(second);
    }
}
