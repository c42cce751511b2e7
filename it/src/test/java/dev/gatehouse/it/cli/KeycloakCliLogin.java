package dev.gatehouse.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.it.AwsClients;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.idp.KeycloakSourcedGatehouse;
import dev.gatehouse.it.idp.KeycloakSourcedGatehouse.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.SoftAssertions;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * {@code gatehouse sso login} through Keycloak, whichever protocol Keycloak speaks to Gatehouse, and the check that
 * what the login left is refused once the company takes the person's access away.
 */
final class KeycloakCliLogin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakCliLogin() {
    }

    /** What one person's login left: their CLI, its cached SSO token, and role credentials it handed out. */
    record LoggedIn(GatehouseCli cli, JsonNode token, JsonNode credentials) {
    }

    /**
     * {@code gatehouse sso login} in the browser (PKCE): Gatehouse sends Chromium to Keycloak, the person signs in
     * there and allows the CLI on Gatehouse's consent page, and Chromium lands on the CLI's loopback listener.
     */
    static LoggedIn logInThroughKeycloak(KeycloakSourcedGatehouse gatehouse, Person person, Path home) throws Exception {
        GatehouseCli cli = new GatehouseCli(home);
        Files.createDirectories(cli.config().getParent());
        Files.writeString(cli.config(), """
                [profile dev]
                sso_session = my-sso
                sso_account_id = %s
                sso_role_name = %s
                region = us-east-1
                services = gatehouse

                [sso-session my-sso]
                sso_start_url = %s
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access

                [services gatehouse]
                sso_oidc =
                  endpoint_url = %4$s
                sso =
                  endpoint_url = %4$s
                sts =
                  endpoint_url = %4$s
                """.formatted(KeycloakSourcedGatehouse.ACCOUNT_ID, KeycloakSourcedGatehouse.ROLE_NAME,
                gatehouse.gatehouse().startUrl(), gatehouse.baseUrl()));

        try (CliProcess login = cli.start("", "sso", "login", "--profile", "dev", "--no-browser");
             Chromium chromium = Chromium.start("cli-keycloak-" + person.userName())) {
            chromium.open(login.awaitOutput(DeveloperAtCli.AUTHORIZE_URL, GatehouseCli.TIMEOUT).group(1));
            gatehouse.signInAtKeycloak(chromium, person);
            chromium.awaitUrl(url -> url.startsWith(gatehouse.baseUrl() + "/authorize"));
            assertThat(chromium.title()).startsWith("Allow this sign-in?");
            chromium.screenshot("consent");
            chromium.press("Allow");
            chromium.awaitUrl(url -> url.startsWith("http://127.0.0.1:") && url.contains("/oauth/callback?code="));
            login.awaitExit(GatehouseCli.TIMEOUT).assertSucceeded();
        }

        JsonNode identity = JSON.readTree(cli.run("sts", "get-caller-identity", "--profile", "dev")
                .assertSucceeded().out());
        assertThat(identity.get("Arn").asText()).matches(person.roleArn());
        JsonNode credentials = JSON.readTree(cli.run("configure", "export-credentials", "--profile", "dev")
                .assertSucceeded().out());
        JsonNode token = JSON.readTree(home.resolve(".aws/sso/cache/" + CliWalkthroughTest.sha1("my-sso") + ".json")
                .toFile());
        assertThat(token.path("refreshToken").asText()).as("a session with scopes gets a refresh token")
                .isNotBlank();
        return new LoggedIn(cli, token, credentials);
    }

    /** Each thing the login left is refused on its next use: the refresh token, the access token, the role keys. */
    static void assertCutOff(KeycloakSourcedGatehouse gatehouse, LoggedIn loggedIn) throws IOException {
        JsonNode token = loggedIn.token();
        JsonNode keys = loggedIn.credentials();
        SoftAssertions softly = new SoftAssertions();
        try (SsoOidcClient oidc = AwsClients.ssoOidc(gatehouse.baseUrl());
             SsoClient sso = AwsClients.sso(gatehouse.baseUrl());
             StsClient sts = AwsClients.sts(gatehouse.baseUrl(), keys.get("AccessKeyId").asText(),
                     keys.get("SecretAccessKey").asText(), keys.get("SessionToken").asText())) {
            softly.assertThat(catchThrowable(() -> oidc.createToken(r -> r.grantType("refresh_token")
                            .clientId(token.get("clientId").asText()).clientSecret(token.get("clientSecret").asText())
                            .refreshToken(token.get("refreshToken").asText()))))
                    .as("CreateToken with the cached refresh token must be refused (null: it answered)")
                    .isInstanceOf(InvalidGrantException.class);
            softly.assertThat(catchThrowable(() -> sso.getRoleCredentials(r -> r
                            .accessToken(token.get("accessToken").asText())
                            .accountId(KeycloakSourcedGatehouse.ACCOUNT_ID)
                            .roleName(KeycloakSourcedGatehouse.ROLE_NAME))))
                    .as("GetRoleCredentials with the cached access token must be refused (null: it answered)")
                    .isInstanceOf(UnauthorizedException.class);
            softly.assertThat(catchThrowable(sts::getCallerIdentity))
                    .as("GetCallerIdentity with the role credentials must be refused (null: it answered)")
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        softly.assertThat(e.statusCode()).isEqualTo(403);
                        softly.assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    });
        }
        CliProcess.Result identity = loggedIn.cli().run("sts", "get-caller-identity", "--profile", "dev");
        softly.assertThat(identity.exitCode()).as("gatehouse sts get-caller-identity afterwards; stdout:%n%s%n"
                + "stderr:%n%s", identity.out(), identity.err()).isNotZero();
        softly.assertAll();
    }
}
