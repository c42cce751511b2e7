package dev.gatehouse.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
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
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err())
                .startsWith("Error: Unknown option: '--bogus'").doesNotContain("\tat ");
        cli.run("configure", "export-credentials", "--profile", "dev", "--format", "xml")
                .assertFailedWith(2, "unknown format 'xml'");
    }

    @Test
    void loginDeniedAtTheApprovalPageThenExitEight() {
        ed.runDeciding("deny", "", "sso", "login", "--profile", "dev", "--use-device-code", "--no-browser")
                .assertFailedWith(8, "the login was denied");
    }

    @Test
    void browserLoginWhenTheAnswerCarriesAnotherLoginsStateThenRefusedAndExitEight() throws Exception {
        try (CliProcess login = cli.start("", "sso", "login", "--profile", "dev", "--no-browser")) {
            URI authorize = URI.create(login.awaitOutput(DeveloperAtCli.AUTHORIZE_URL, GatehouseCli.TIMEOUT).group(1));
            assertThat(authorize.toString()).startsWith(ed.baseUrl() + "/authorize?response_type=code&client_id=");

            HttpResponse<String> page = returnToCli(authorize, "code=planted&state=forged");

            assertThat(page.statusCode()).isEqualTo(400);
            login.awaitExit(GatehouseCli.TIMEOUT).assertFailedWith(8, "does not belong to this login");
        }
    }

    @Test
    void browserLoginWhenTheBrowserReturnsAnErrorThenExitEightWithIt() throws Exception {
        try (CliProcess login = cli.start("", "sso", "login", "--profile", "dev", "--no-browser")) {
            URI authorize = URI.create(login.awaitOutput(DeveloperAtCli.AUTHORIZE_URL, GatehouseCli.TIMEOUT).group(1));
            String state = query(authorize).get("state");

            returnToCli(authorize, "error=access_denied&error_description=Consent%20declined&state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8));

            login.awaitExit(GatehouseCli.TIMEOUT)
                    .assertFailedWith(8, "the login was refused in the browser: access_denied: Consent declined");
        }
    }

    @Test
    void debugThenTheStackTraceToo() {
        CliProcess.Result debug = cli.run("sts", "get-caller-identity", "--profile", "nobody", "--debug");
        assertThat(debug.exitCode()).isEqualTo(3);
        assertThat(debug.err()).contains("\tat dev.gatehouse.cli.")
                .contains("Error: the profile 'nobody' does not exist");
    }

    /** What the server's redirect after sign-in does: the browser calls the CLI's redirect URI. */
    private static HttpResponse<String> returnToCli(URI authorize, String answer) throws Exception {
        URI redirect = URI.create(query(authorize).get("redirect_uri") + "?" + answer);
        try (HttpClient browser = HttpClient.newHttpClient()) {
            return browser.send(HttpRequest.newBuilder(redirect).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
