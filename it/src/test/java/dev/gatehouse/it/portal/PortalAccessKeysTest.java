package dev.gatehouse.it.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.it.AwsClients;
import dev.gatehouse.it.Browser;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The access portal in a browser hands out working credentials, and they end with the browser session: a person
 * signs in over HTTP, opens a role's access keys, and the AWS SDK signs STS calls with what the page shows.
 */
class PortalAccessKeysTest {

    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_[0-9a-f]{16}/ed\\.developer");
    private static final Pattern SESSION_ID = Pattern.compile("name=\"session_id\" value=\"([^\"]+)\"");

    @TempDir
    Path dataDir;
    private RunningGatehouse gatehouse;
    private Entitlement ed;
    private Browser browser;

    @BeforeEach
    void signInAsEd() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        browser = new Browser(gatehouse.baseUrl());
        browser.signIn(ed.userName(), ed.password(), "/start");
    }

    @AfterEach
    void stopServer() {
        gatehouse.close();
    }

    @Test
    void accessKeysWorkUntilTheBrowserSessionIsEndedOnTheSessionsPage() {
        Browser.Page keys = openAccessKeys();

        try (StsClient sts = AwsClients.sts(gatehouse.baseUrl(), keys.text("access-key-id"),
                keys.text("secret-access-key"), keys.text("session-token"))) {
            GetCallerIdentityResponse caller = sts.getCallerIdentity();
            assertThat(caller.account()).isEqualTo(ed.accountId());
            assertThat(caller.arn()).matches(ROLE_ARN);

            Browser.Page sessions = browser.get("/start/sessions");
            Matcher onlySession = SESSION_ID.matcher(sessions.html());
            assertThat(onlySession.find()).as("the browser session on:%n%s", sessions.html()).isTrue();
            Browser.Page ended = browser.post("/start/sessions/revoke",
                    Map.of("csrf", sessions.csrf(), "session_id", onlySession.group(1)));
            assertThat(ended.status()).isEqualTo(303);
            assertThat(ended.location()).isEqualTo("/signin");

            assertRefused(sts);
        }
    }

    @Test
    void accessKeysStopWorkingWhenThePersonSignsOut() {
        Browser.Page keys = openAccessKeys();

        try (StsClient sts = AwsClients.sts(gatehouse.baseUrl(), keys.text("access-key-id"),
                keys.text("secret-access-key"), keys.text("session-token"))) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(ed.accountId());

            assertThat(browser.post("/signout", Map.of("csrf", keys.csrf())).status()).isEqualTo(303);

            assertRefused(sts);
        }
    }

    @Test
    void theCredentialsFileSnippetIsAProfileTheAwsSdkReads() throws Exception {
        Browser.Page keys = openAccessKeys();
        Path credentials = Files.writeString(dataDir.resolve("credentials"), keys.text("credentials-file"));
        ProfileFile file = ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build();

        try (StsClient sts = AwsClients.sts(gatehouse.baseUrl(), ProfileCredentialsProvider.builder()
                .profileFile(file).profileName("111122223333_PowerUserAccess").build())) {
            assertThat(sts.getCallerIdentity().arn()).matches(ROLE_ARN);
        }
    }

    private Browser.Page openAccessKeys() {
        Browser.Page keys = browser.get("/start/credentials?account_id=" + ed.accountId() + "&role_name="
                + ed.roleName());
        assertThat(keys.status()).as("access keys page:%n%s", keys.html()).isEqualTo(200);
        return keys;
    }

    private static void assertRefused(StsClient sts) {
        assertThat(catchThrowable(sts::getCallerIdentity))
                .as("GetCallerIdentity after the session ended (null: it answered)")
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                });
    }
}
