package dev.gatehouse.it.awscli;

import static dev.gatehouse.it.awscli.AwsCliLogoutTest.EXPIRED_OR_INVALID;
import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.ROLE_ARN;
import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.SSO_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The life of a login with the unmodified AWS CLI 2.9.19 (DESIGN.md §1 steps 9 and 10): refresh, the end of
 * the portal session, and a person leaving. Each test has its own server.
 *
 * <p>The CLI reads the wall clock, which a test cannot step; where an hour must pass for the CLI, the cached
 * token is aged instead, exactly as the passing hour would leave it, and the role credentials it cached deleted.
 */
@ExtendWith(AwsCliInstalled.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AwsCliSessionTest extends FreshGatehouseWithAwsCli {

    @Test
    void accessTokenWhenLessThanFifteenMinutesRemainThenCliRefreshesItAndCarriesOn() {
        aws.writeConfig(gatehouse.devProfile());
        gatehouse.logIn(aws, "--profile", "dev");
        JsonNode before = aws.tokens().token(SSO_SESSION);

        aws.tokens().expireIn(SSO_SESSION, Duration.ofMinutes(5));
        aws.forgetCachedCredentials();

        String arn = aws.run("sts", "get-caller-identity", "--profile", "dev", "--query", "Arn", "--output", "text")
                .assertSucceeded().stdout().strip();
        assertThat(arn).matches(ROLE_ARN);
        JsonNode after = aws.tokens().token(SSO_SESSION);
        assertThat(after.get("accessToken").asText()).isNotEqualTo(before.get("accessToken").asText());
        assertThat(after.get("refreshToken").asText()).as("rotated")
                .isNotEqualTo(before.get("refreshToken").asText());
        assertThat(Instant.parse(after.get("expiresAt").asText()))
                .isAfter(Instant.now().plus(Duration.ofMinutes(55)));
    }

    @Test
    void portalSessionWhenOverThenCliSaysTokenExpiredAndRefreshFailed() {
        aws.writeConfig(gatehouse.devProfile());
        gatehouse.logIn(aws, "--profile", "dev");

        gatehouse.server().clock().advance(Duration.ofHours(8).plusMinutes(1));
        aws.tokens().expireIn(SSO_SESSION, Duration.ofMinutes(-1));
        aws.forgetCachedCredentials();

        assertThat(aws.run("sts", "get-caller-identity", "--profile", "dev").assertFailed().stderr())
                .contains("Error when retrieving token from sso: Token has expired and refresh failed");
    }

    @Test
    void userWhenDisabledThenCachedCredentialsAndTheTokenStopWorkingAtOnce() {
        aws.writeConfig(gatehouse.devProfile());
        gatehouse.logIn(aws, "--profile", "dev");
        aws.run("sts", "get-caller-identity", "--profile", "dev").assertSucceeded();

        gatehouse.developer().disableUser();

        assertThat(aws.run("sts", "get-caller-identity", "--profile", "dev").assertFailed().stderr())
                .as("the role credentials the CLI cached").contains("(InvalidClientTokenId)");
        aws.forgetCachedCredentials();
        assertThat(aws.run("sts", "get-caller-identity", "--profile", "dev").assertFailed().stderr())
                .as("the SSO token").contains(EXPIRED_OR_INVALID);
    }
}
