package dev.gatehouse.it.awscli;

import static dev.gatehouse.it.awscli.GatehouseWithDeveloper.SSO_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance B, the end of the day: {@code aws sso logout} with the unmodified AWS CLI 2.9.19. */
@ExtendWith(AwsCliInstalled.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AwsCliLogoutTest {

    /** What 2.9.19 prints when Gatehouse refuses the token (GetRoleCredentials answers UnauthorizedException). */
    static final String EXPIRED_OR_INVALID = "The SSO session associated with this profile has expired or is "
            + "otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.";

    private GatehouseWithDeveloper gatehouse;
    private AwsCli aws;

    @BeforeEach
    void logIn(@TempDir Path serverDir, @TempDir Path home) {
        gatehouse = GatehouseWithDeveloper.start(serverDir);
        aws = gatehouse.awsCliFor(home);
        aws.writeConfig(gatehouse.devProfile());
        gatehouse.logIn(aws, "--profile", "dev");
    }

    @AfterEach
    void stop() {
        gatehouse.close();
    }

    @Test
    void ssoLogoutThenGetCallerIdentityFailsAndEvenACopyOfTheTokenIsExpiredOrInvalid() throws Exception {
        aws.run("sts", "get-caller-identity", "--profile", "dev").assertSucceeded();
        Path token = aws.tokens().file(SSO_SESSION);
        String copy = Files.readString(token);

        aws.run("sso", "logout").assertSucceeded();

        assertThat(token).doesNotExist();
        assertThat(aws.credentialCache()).isEmptyDirectory();
        assertThat(aws.run("sts", "get-caller-identity", "--profile", "dev").assertFailed().stderr())
                .contains("Error loading SSO Token: Token for " + SSO_SESSION + " does not exist");

        // The CLI deletes its own file; a copy held elsewhere (another machine, another tool) must be dead too,
        // which proves the Logout call reached Gatehouse and ended the session there.
        Files.writeString(token, copy);
        assertThat(aws.run("sts", "get-caller-identity", "--profile", "dev").assertFailed().stderr())
                .contains(EXPIRED_OR_INVALID);
    }
}
