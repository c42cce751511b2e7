package dev.gatehouse.it.awscli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.it.idp.KeycloakInstalled;
import dev.gatehouse.it.idp.KeycloakSourcedGatehouse;
import dev.gatehouse.it.idp.KeycloakSourcedGatehouse.Person;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance A of the identity-provider issue for the unmodified AWS CLI 2.9.19: {@code aws sso login} with a
 * device code, the person approving it in Chromium after signing in on Keycloak's own login page (Gatehouse asks for
 * no password of its own), and then {@code aws sts get-caller-identity} answers with the role.
 */
@ExtendWith({AwsCliInstalled.class, KeycloakInstalled.class, ChromiumInstalled.class})
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AwsCliLoginThroughKeycloakTest {

    /** The verificationUriComplete the CLI prints last; whole once its newline came. */
    private static final Pattern VERIFICATION_URI = Pattern.compile("(http\\S+/device\\?user_code=\\S+)\\r?\\n");

    /** The CLI polls again after the interval plus the 5 s a SlowDown adds; the server's clock is stepped by that. */
    private static final Duration CLI_POLL_WAIT = Duration.ofSeconds(1 + 5);

    @TempDir
    Path dataDir;

    @TempDir
    Path home;

    @Test
    void deviceCodeLoginApprovedAfterKeycloakSignInThenCallerIdentityWorks() {
        try (KeycloakSourcedGatehouse gatehouse = KeycloakSourcedGatehouse.start(dataDir, "gatehouse-aws-cli")) {
            Person ada = gatehouse.provision("ada");
            AwsCli aws = AwsCli.forUser(home, gatehouse.baseUrl());
            aws.writeConfig("""
                    [profile dev]
                    sso_session = my-sso
                    sso_account_id = %s
                    sso_role_name = %s
                    region = us-east-1
                    output = json

                    [sso-session my-sso]
                    sso_start_url = %s
                    sso_region = us-east-1
                    sso_registration_scopes = sso:account:access
                    """.formatted(KeycloakSourcedGatehouse.ACCOUNT_ID, KeycloakSourcedGatehouse.ROLE_NAME,
                    gatehouse.gatehouse().startUrl()));

            try (RunningCommand login = aws.start("sso", "login", "--profile", "dev", "--no-browser");
                 Chromium chromium = Chromium.start("aws-cli-keycloak")) {
                String verificationUri = login.awaitOutput(VERIFICATION_URI, AwsCli.TIMEOUT).group(1);
                chromium.open(verificationUri);
                gatehouse.signInAtKeycloak(chromium, ada);
                chromium.awaitUrl(url -> url.startsWith(gatehouse.baseUrl() + "/device"));
                chromium.screenshot("confirm");
                chromium.press("Approve");
                assertThat(chromium.title()).startsWith("Request approved");
                gatehouse.gatehouse().clock().advance(CLI_POLL_WAIT);

                assertThat(login.awaitExit(AwsCli.TIMEOUT)).as("aws sso login printed:%n%s", login.output())
                        .isZero();
                assertThat(login.output()).contains("Successfully logged into Start URL: "
                        + gatehouse.gatehouse().startUrl());
            }

            String arn = aws.run("sts", "get-caller-identity", "--profile", "dev", "--query", "Arn", "--output",
                    "text").assertSucceeded().stdout().strip();
            assertThat(arn).matches(ada.roleArn());
        }
    }
}
