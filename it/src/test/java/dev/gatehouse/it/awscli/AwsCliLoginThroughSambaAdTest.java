package dev.gatehouse.it.awscli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.AccessModelService.NewPermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.mfa.Base32;
import dev.gatehouse.core.mfa.Totp;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.it.browser.Chromium;
import dev.gatehouse.it.browser.ChromiumInstalled;
import dev.gatehouse.it.ldap.SambaAdInstalled;
import dev.gatehouse.it.ldap.SambaAdOrganization;
import dev.gatehouse.it.ldap.SambaAdServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance A of the LDAP issue for the unmodified AWS CLI 2.9.19: with a Samba AD domain as the identity source,
 * {@code aws sso login} (device code) is approved in Chromium by a person who signs in on Gatehouse's page with
 * their AD password, then Gatehouse's own MFA (the default policy: she adds an authenticator app at this first
 * sign-in), and holds the role only through a group nested in the assigned group; {@code aws sts
 * get-caller-identity} then answers with that role.
 */
@ExtendWith({SambaAdInstalled.class, AwsCliInstalled.class, ChromiumInstalled.class})
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AwsCliLoginThroughSambaAdTest {

    private static final RequestContext SETUP = RequestContext.commandLine("aws-cli-samba-ad-test");
    private static final String ACCOUNT_ID = "111122223333";
    private static final String ROLE = "PowerUserAccess";
    private static final String PASSWORD = "Ada-AD-passw0rd1";

    /** The verificationUriComplete the CLI prints last; whole once its newline came. */
    private static final Pattern VERIFICATION_URI = Pattern.compile("(http\\S+/device\\?user_code=\\S+)\\r?\\n");

    /** The CLI polls again after the interval plus the 5 s a SlowDown adds; the server's clock is stepped by that. */
    private static final Duration CLI_POLL_WAIT = Duration.ofSeconds(1 + 5);

    @TempDir
    Path dataDir;

    @TempDir
    Path home;

    @Test
    void deviceCodeLoginApprovedAfterAnAdPasswordSignInThenCallerIdentityHasTheNestedGroupsRole() {
        SambaAdServer samba = SambaAdServer.shared();
        SambaAdOrganization ad = SambaAdOrganization.create(samba, "AwsCli");
        ad.addUser("ada", "Ada", "Lovelace", PASSWORD);
        ad.addGroup("aws-developers");
        ad.addGroup("aws-staff");
        ad.addMembers("aws-developers", "ada");
        ad.addMembers("aws-staff", "aws-developers");
        try (RunningGatehouse gatehouse = RunningGatehouse.onH2WithDefaultMfa(dataDir, MutableClock.startingNow())) {
            CoreServices core = gatehouse.services().core();
            Actor admin = Actor.administratorCli();
            core.identitySources().setLdap(ad.settings(samba.url()), SambaAdOrganization.BIND_PASSWORD, admin,
                    SETUP);
            assertThat(core.ldapSync().run(SETUP).users()).isEqualTo(1);
            core.accessModel().createAccount(ACCOUNT_ID, "Development", "aws+dev@example.com", admin, SETUP);
            core.accessModel().createPermissionSet(new NewPermissionSet(ROLE, "Full access except IAM", "PT1H",
                    List.of("PowerUserAccess"), null, null, null, Map.of()), admin, SETUP);
            core.accessModel().assign(ACCOUNT_ID, ROLE, PrincipalType.GROUP, "aws-staff", admin, SETUP);

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
                    """.formatted(ACCOUNT_ID, ROLE, gatehouse.startUrl()));

            try (RunningCommand login = aws.start("sso", "login", "--profile", "dev", "--no-browser");
                 Chromium chromium = Chromium.start("aws-cli-samba-ad")) {
                chromium.open(login.awaitOutput(VERIFICATION_URI, AwsCli.TIMEOUT).group(1));
                chromium.fill("username", "ada");
                chromium.fill("password", PASSWORD);
                chromium.press("Sign in");
                // Gatehouse MFA on top of the directory password: ada has no device yet, so she adds one now.
                assertThat(chromium.title()).startsWith("Add an authenticator app");
                chromium.press("Show the QR code");
                byte[] secret = Base32.decode(chromium.textOf("secret-key").replace(" ", ""));
                chromium.fill("name", "Ada's phone");
                chromium.fill("code", Totp.STANDARD.code(secret, gatehouse.clock().instant()));
                chromium.press("Add app and sign in");
                chromium.awaitUrl(url -> url.startsWith(gatehouse.baseUrl() + "/device"));
                chromium.press("Approve");
                assertThat(chromium.title()).startsWith("Request approved");
                gatehouse.clock().advance(CLI_POLL_WAIT);

                assertThat(login.awaitExit(AwsCli.TIMEOUT)).as("aws sso login printed:%n%s", login.output())
                        .isZero();
            }

            String arn = aws.run("sts", "get-caller-identity", "--profile", "dev", "--query", "Arn", "--output",
                    "text").assertSucceeded().stdout().strip();
            assertThat(arn).matches("arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_"
                    + "[0-9a-f]{16}/ada");
        }
    }
}
