package dev.gatehouse.it.awscli;

import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.ROLE_ARN;
import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.SSO_SESSION;
import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.START_URL_ALIAS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code aws sso login} of the unmodified AWS CLI 2.9.19 in the other shapes people meet: the legacy profile
 * layout, a start URL alias, a start URL of some other instance, and a code the person refuses.
 */
@ExtendWith(AwsCliInstalled.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AwsCliLoginTest extends FreshGatehouseWithAwsCli {

    @Test
    void legacyProfileWhenLoggedInThenTokenIsCachedUnderTheStartUrlAndWorks() {
        aws.writeConfig(gatehouse.legacyDevProfile());

        String output = gatehouse.logIn(aws, "--profile", "dev");

        assertThat(output).contains("Successfully logged into Start URL: " + gatehouse.startUrl());
        JsonNode token = aws.tokens().token(gatehouse.startUrl());
        assertThat(token.get("accessToken").asText()).isNotBlank();
        assertThat(token.has("refreshToken")).as("registered without scopes: no refresh token").isFalse();
        assertThat(callerArn()).matches(ROLE_ARN);
    }

    @Test
    void startUrlAliasWhenConfiguredThenLogsInWithItAndWorks() {
        aws.writeConfig(gatehouse.devProfile(START_URL_ALIAS));

        String output = gatehouse.logIn(aws, "--profile", "dev");

        assertThat(output).contains("Successfully logged into Start URL: " + START_URL_ALIAS);
        JsonNode token = aws.tokens().token(SSO_SESSION);
        assertThat(token.get("startUrl").asText()).isEqualTo(START_URL_ALIAS);
        assertThat(callerArn()).matches(ROLE_ARN);
    }

    @Test
    void startUrlWhenNotThisInstancesThenLoginIsRefusedBeforeAnyCodeIsShown() {
        aws.writeConfig(gatehouse.devProfile("https://elsewhere.awsapps.com/start"));

        CommandResult login = aws.run("sso", "login", "--profile", "dev", "--no-browser").assertFailed();

        assertThat(login.stderr())
                .contains("An error occurred (InvalidRequestException) when calling the StartDeviceAuthorization");
        assertThat(login.stdout()).doesNotContain("user_code");
    }

    @Test
    void codeWhenDeniedThenLoginStopsWithAccessDenied() {
        aws.writeConfig(gatehouse.devProfile());

        try (RunningCommand login = aws.start("sso", "login", "--profile", "dev", "--no-browser")) {
            gatehouse.decideCodeShownBy(login, "deny");

            assertThat(login.awaitExit(AwsCli.TIMEOUT)).isNotZero();
            assertThat(login.output())
                    .contains("An error occurred (AccessDeniedException) when calling the CreateToken operation");
        }
        assertThat(aws.tokens().file(SSO_SESSION)).doesNotExist();
    }

    private String callerArn() {
        return aws.run("sts", "get-caller-identity", "--profile", "dev", "--query", "Arn", "--output", "text")
                .assertSucceeded().stdout().strip();
    }
}
