package dev.gatehouse.it.awscli;

import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.ROLE_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance B, the first morning (DESIGN.md §1 step 7): {@code aws configure sso} of the unmodified AWS CLI
 * 2.9.19, answered prompt by prompt on a terminal as a developer would, writes a profile that works.
 */
@ExtendWith(AwsCliInstalled.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AwsCliConfigureSsoTest extends FreshGatehouseWithAwsCli {

    private static final Duration PROMPT_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void configureSsoWhenAnsweredAtItsPromptsThenWritesAProfileThatWorks() {
        try (RunningCommand configure = aws.startInTerminal("configure", "sso", "--no-browser")) {
            answer(configure, "SSO session name (Recommended): ", "my-sso");
            answer(configure, "SSO start URL [None]: ", gatehouse.startUrl());
            answer(configure, "SSO region [None]: ", "us-east-1");
            answer(configure, "SSO registration scopes [sso:account:access]: ", "");
            gatehouse.approveCodeShownBy(configure);
            configure.awaitOutput(Pattern.compile("The only AWS account available to you is: 111122223333"),
                    PROMPT_TIMEOUT);
            configure.awaitOutput(Pattern.compile("Using the role name \"PowerUserAccess\""), PROMPT_TIMEOUT);
            answer(configure, "CLI default client Region [None]: ", "us-east-1");
            answer(configure, "CLI default output format [None]: ", "json");
            answer(configure, "CLI profile name [PowerUserAccess-111122223333]: ", "dev");
            configure.awaitOutput(Pattern.compile("aws s3 ls --profile dev"), PROMPT_TIMEOUT);
            assertThat(configure.awaitExit(AwsCli.TIMEOUT)).as(configure.output()).isZero();
        }

        assertThat(aws.config()).isEqualTo("""
                [profile dev]
                sso_session = my-sso
                sso_account_id = 111122223333
                sso_role_name = PowerUserAccess
                region = us-east-1
                output = json
                [sso-session my-sso]
                sso_start_url = %s
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access
                """.formatted(gatehouse.startUrl()));
        String arn = aws.run("sts", "get-caller-identity", "--profile", "dev", "--query", "Arn", "--output", "text")
                .assertSucceeded().stdout().strip();
        assertThat(arn).as("with the token configure sso cached, no second login").matches(ROLE_ARN);
    }

    private static void answer(RunningCommand command, String prompt, String answer) {
        command.awaitOutput(Pattern.compile(Pattern.quote(prompt)), PROMPT_TIMEOUT);
        command.typeLine(answer);
    }
}
