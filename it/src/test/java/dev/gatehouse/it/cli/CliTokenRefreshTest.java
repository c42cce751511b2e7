package dev.gatehouse.it.cli;

import static dev.gatehouse.it.cli.DeveloperAtCli.ROLE_ARN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.it.AwsClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

/** The access token runs out, and the CLI refreshes it, alone and with two processes racing for it. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CliTokenRefreshTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @TempDir
    Path home;

    private DeveloperAtCli ed;
    private GatehouseCli cli;
    private Path tokenFile;

    @BeforeEach
    void logIn() throws Exception {
        ed = DeveloperAtCli.start(dataDir, home);
        cli = ed.cli();
        ed.configureWithFlags("my-sso", "dev").assertSucceeded();
        tokenFile = home.resolve(".aws/sso/cache/" + CliWalkthroughTest.sha1("my-sso") + ".json");
    }

    @AfterEach
    void stop() {
        ed.close();
    }

    @Test
    void stsWhenTheServerSaysTheAccessTokenExpiredThenTheCliRefreshesAndSucceeds() throws Exception {
        cli.run("sts", "get-caller-identity", "--profile", "dev").assertSucceeded();
        JsonNode before = JSON.readTree(tokenFile.toFile());

        // An hour on at the server: the access token and the cached role credentials are over there, while the
        // cache, on the real clock, still thinks both good. The CLI must learn it from the answers.
        ed.server().clock().advance(Duration.ofHours(1).plusMinutes(1));

        JsonNode identity = JSON.readTree(cli.run("sts", "get-caller-identity", "--profile", "dev")
                .assertSucceeded().out());
        assertThat(identity.get("Arn").asText()).matches(ROLE_ARN);
        JsonNode after = JSON.readTree(tokenFile.toFile());
        assertThat(after.get("accessToken").asText()).isNotEqualTo(before.get("accessToken").asText());
        assertThat(after.get("refreshToken").asText()).isNotEqualTo(before.get("refreshToken").asText());
        assertThat(refreshWith(after).accessToken()).as("the rotated refresh token is the live one").isNotBlank();
    }

    @Test
    void exportCredentialsWhenTwoProcessesMustRefreshAtOnceThenBothSucceedAndTheCachedRefreshTokenWorks()
            throws Exception {
        // Less than 15 minutes left on the token and no cached role credentials: both processes must refresh.
        ObjectNode token = (ObjectNode) JSON.readTree(tokenFile.toFile());
        String spentRefreshToken = token.get("refreshToken").asText();
        token.put("expiresAt", Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS).toString());
        Files.writeString(tokenFile, JSON.writeValueAsString(token));
        Path roleCredentialsCache = home.resolve(".aws/cli/cache");
        if (Files.isDirectory(roleCredentialsCache)) {
            try (Stream<Path> files = Files.list(roleCredentialsCache)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }

        try (CliProcess first = cli.start("", "configure", "export-credentials", "--profile", "dev");
             CliProcess second = cli.start("", "configure", "export-credentials", "--profile", "dev")) {
            JsonNode one = JSON.readTree(first.awaitExit(GatehouseCli.TIMEOUT).assertSucceeded().out());
            JsonNode two = JSON.readTree(second.awaitExit(GatehouseCli.TIMEOUT).assertSucceeded().out());
            assertThat(one.get("AccessKeyId").asText()).startsWith("ASIA");
            assertThat(two.get("AccessKeyId").asText()).startsWith("ASIA");
        }

        JsonNode after = JSON.readTree(tokenFile.toFile());
        assertThat(after.get("refreshToken").asText()).isNotEqualTo(spentRefreshToken);
        assertThat(Instant.parse(after.get("expiresAt").asText())).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(refreshWith(after).refreshToken()).as("the server accepts the cached refresh token").isNotBlank();
    }

    private CreateTokenResponse refreshWith(JsonNode token) {
        try (SsoOidcClient oidc = AwsClients.ssoOidc(ed.baseUrl())) {
            return oidc.createToken(r -> r.grantType("refresh_token").clientId(token.get("clientId").asText())
                    .clientSecret(token.get("clientSecret").asText())
                    .refreshToken(token.get("refreshToken").asText()));
        }
    }
}
