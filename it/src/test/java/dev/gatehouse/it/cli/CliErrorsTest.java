package dev.gatehouse.it.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Item 3 of the issue: each problem a person can act on is one line, its own exit code, and no stack trace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CliErrorsTest {

    private DeveloperAtCli ed;
    private GatehouseCli cli;

    @BeforeAll
    void logIn(@TempDir Path dataDir, @TempDir Path home) throws IOException {
        ed = DeveloperAtCli.start(dataDir, home);
        cli = ed.cli();
        ed.configureWithFlags("my-sso", "dev").assertSucceeded();
        Files.writeString(cli.config(), """

                [profile plain]
                region = eu-west-1

                [profile admin]
                sso_session = my-sso
                sso_account_id = 111122223333
                sso_role_name = AdministratorAccess
                services = gatehouse

                [profile down]
                sso_session = down
                sso_account_id = 111122223333
                sso_role_name = PowerUserAccess
                services = down

                [sso-session down]
                sso_start_url = %s
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access

                [services down]
                sso_oidc =
                  endpoint_url = http://127.0.0.1:%d
                """.formatted(ed.startUrl(), closedPort()), StandardOpenOption.APPEND);
    }

    @AfterAll
    void stop() {
        if (ed != null) {
            ed.close();
        }
    }

    @Test
    void unknownProfileThenExitThree() {
        cli.run("sts", "get-caller-identity", "--profile", "nobody")
                .assertFailedWith(3, "the profile 'nobody' does not exist");
        cli.with(Map.of("AWS_PROFILE", "nobody")).run("configure", "export-credentials")
                .assertFailedWith(3, "the profile 'nobody' does not exist");
    }

    @Test
    void profileWithoutSsoSettingsThenExitFour() {
        cli.run("configure", "export-credentials", "--profile", "plain")
                .assertFailedWith(4, "the profile 'plain' has no SSO settings");
    }

    @Test
    void sessionNeverLoggedInThenExitFiveNamingTheLoginCommand() {
        cli.run("sso", "logout", "--sso-session", "other").assertSucceeded();
        cli.run("sts", "get-caller-identity", "--profile", "down")
                .assertFailedWith(5, "Run: gatehouse sso login --sso-session down");
    }

    @Test
    void serverUnreachableThenExitSix() {
        cli.run("sso", "login", "--profile", "down", "--no-browser")
                .assertFailedWith(6, "cannot reach the server at http://127.0.0.1:");
    }

    @Test
    void roleNotAssignedThenExitSeven() {
        cli.run("sts", "get-caller-identity", "--profile", "admin")
                .assertFailedWith(7, "access denied to the role 'AdministratorAccess' in account 111122223333");
    }

    @Test
    void usageErrorsThenExitTwo() {
        CliProcess.Result unknownOption = cli.run("sts", "get-caller-identity", "--bogus");
        org.assertj.core.api.Assertions.assertThat(unknownOption.exitCode()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(unknownOption.err())
                .startsWith("Error: Unknown option: '--bogus'").doesNotContain("\tat ");
        cli.run("configure", "export-credentials", "--profile", "dev", "--format", "xml")
                .assertFailedWith(2, "unknown format 'xml'");
    }

    @Test
    void loginDeniedAtTheApprovalPageThenExitEight() {
        ed.runDeciding("deny", "", "sso", "login", "--profile", "dev", "--no-browser")
                .assertFailedWith(8, "the login was denied");
    }

    @Test
    void debugThenTheStackTraceToo() {
        CliProcess.Result debug = cli.run("sts", "get-caller-identity", "--profile", "nobody", "--debug");
        org.assertj.core.api.Assertions.assertThat(debug.exitCode()).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(debug.err()).contains("\tat dev.gatehouse.cli.")
                .contains("Error: the profile 'nobody' does not exist");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
