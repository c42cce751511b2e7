package dev.gatehouse.it.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.it.DeviceLogin;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.People;
import dev.gatehouse.it.RunningGatehouse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The walkthrough in the browser, as acceptance A describes it: an administrator sets up ed.developer, the group
 * Developers, an account, the permission set PowerUserAccess and the assignment in the console; ed activates the
 * account, signs in to the portal, opens "Access keys", and the credentials shown work with the AWS SDK. Then the
 * administrator ends ed's sessions in the console and those credentials stop working. Every page is saved as a
 * screenshot under {@code target/screenshots/walkthrough-*}.
 */
@ExtendWith(ChromiumInstalled.class)
class AdministratorAndDeveloperInChromiumTest {

    private static final String ADMIN = "ada.admin";
    private static final String ADMIN_PASSWORD = "Adm1n-Horse-Battery";
    private static final String ED = "ed.developer";
    private static final String ED_PASSWORD = "Corr3ct-Horse-Battery";
    private static final String ACCOUNT_ID = "111122223333";

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private DeviceLogin sdk;

    @BeforeEach
    void startWithOneAdministrator() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow());
        People.createActive(gatehouse.services(), new NewUser(ADMIN, "Ada Admin", "Ada", "Admin", "ada@example.com", true),
                ADMIN_PASSWORD);
        sdk = new DeviceLogin(gatehouse);
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
        gatehouse.close();
    }

    @Test
    void administratorSetsUpEdWhoGetsWorkingCredentialsFromThePortalUntilTheAdministratorEndsHisSessions() {
        try (Chromium admin = Chromium.start("walkthrough-administrator");
             Chromium ed = Chromium.start("walkthrough-developer")) {
            String activationLink = setUpEdInTheConsole(admin);

            ed.open(activationLink);
            ed.screenshot("activate");
            ed.fill("password", ED_PASSWORD);
            ed.fill("confirm", ED_PASSWORD);
            ed.press("Set password");
            ed.screenshot("activated");

            ed.open(gatehouse.startUrl());
            ed.fill("username", ED);
            ed.fill("password", ED_PASSWORD);
            ed.screenshot("sign-in");
            ed.press("Sign in");
            assertThat(ed.pageText()).contains("Development", ACCOUNT_ID, "aws+dev@example.com", "PowerUserAccess");
            ed.screenshot("portal");

            ed.click(By.partialLinkText("Access keys"));
            String accessKeyId = ed.textOf("access-key-id");
            String secretAccessKey = ed.textOf("secret-access-key");
            String sessionToken = ed.textOf("session-token");
            assertThat(ed.textOf("env-posix")).contains("export AWS_ACCESS_KEY_ID=\"" + accessKeyId + "\"");
            assertThat(ed.textOf("env-powershell")).contains("$Env:AWS_SECRET_ACCESS_KEY=\"" + secretAccessKey + "\"");
            assertThat(ed.textOf("credentials-file")).contains("aws_session_token=" + sessionToken);
            ed.screenshot("access-keys");

            GetCallerIdentityResponse identity = sdk.sts(accessKeyId, secretAccessKey, sessionToken)
                    .getCallerIdentity();
            assertThat(identity.account()).isEqualTo(ACCOUNT_ID);
            assertThat(identity.arn()).matches(
                    "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_PowerUserAccess_[0-9a-f]{16}/ed\\.developer");

            ed.click(By.linkText("Sessions"));
            ed.screenshot("own-sessions");

            ed.phoneSized();
            for (String page : new String[] {"/start", "/start/sessions", "/start/credentials?account_id=" + ACCOUNT_ID
                    + "&role_name=PowerUserAccess"}) {
                ed.open(gatehouse.baseUrl() + page);
                assertThat(ed.fitsTheWidth()).as("%s fits a phone's width", page).isTrue();
            }
            ed.screenshot("portal-on-a-phone");

            admin.open(gatehouse.baseUrl() + "/admin/users/" + ED);
            admin.screenshot("ed-with-a-session");
            admin.click(By.id("revoke-all-sessions"));
            admin.screenshot("ed-sessions-ended");

            assertThatThrownBy(() -> sdk.sts(accessKeyId, secretAccessKey, sessionToken).getCallerIdentity())
                    .isInstanceOf(StsException.class).hasMessageContaining("403");
            ed.open(gatehouse.startUrl());
            assertThat(ed.currentUrl()).contains("/signin");
        }
    }

    /** Everything the administrator does in the console; returns the activation link it shows for ed. */
    private String setUpEdInTheConsole(Chromium admin) {
        admin.open(gatehouse.baseUrl() + "/admin");
        admin.fill("username", ADMIN);
        admin.fill("password", ADMIN_PASSWORD);
        admin.screenshot("sign-in");
        admin.press("Sign in");
        assertThat(admin.textOf("start-url")).isEqualTo(gatehouse.startUrl());
        admin.screenshot("dashboard");
        admin.phoneSized();
        assertThat(admin.fitsTheWidth()).as("the dashboard fits a phone's width").isTrue();
        admin.screenshot("dashboard-on-a-phone");
        admin.desktopSized();

        admin.open(gatehouse.baseUrl() + "/admin/users");
        admin.fill("userName", ED);
        admin.fill("givenName", "Ed");
        admin.fill("familyName", "Developer");
        admin.fill("email", "ed@example.com");
        admin.submit("create-user");
        String activationLink = admin.element(By.id("activation-link")).getAttribute("href");
        assertThat(activationLink).startsWith(gatehouse.baseUrl() + "/activate?token=");
        admin.screenshot("user-created");

        admin.open(gatehouse.baseUrl() + "/admin/groups");
        admin.fill("displayName", "Developers");
        admin.fill("description", "People who build things");
        admin.submit("create-group");
        admin.open(gatehouse.baseUrl() + "/admin/groups/Developers");
        admin.fill("userName", ED);
        admin.submit("add-member");
        assertThat(admin.textOf("notice")).isNotBlank();
        admin.screenshot("group-with-ed");

        admin.open(gatehouse.baseUrl() + "/admin/accounts");
        admin.fill("accountId", ACCOUNT_ID);
        admin.fill("name", "Development");
        admin.fill("email", "aws+dev@example.com");
        admin.submit("create-account");
        admin.screenshot("account-created");

        admin.open(gatehouse.baseUrl() + "/admin/permission-sets");
        admin.fill("name", "PowerUserAccess");
        admin.fill("description", "Full access except IAM");
        admin.fill("sessionDuration", "PT4H");
        admin.fill("managedPolicies", "PowerUserAccess");
        admin.submit("create-permission-set");
        admin.screenshot("permission-set-created");

        admin.open(gatehouse.baseUrl() + "/admin/accounts/" + ACCOUNT_ID);
        admin.fill("permissionSet", "PowerUserAccess");
        admin.fill("principal", "Developers");
        admin.submit("create-assignment");
        assertThat(admin.pageText()).contains("Developers", "PowerUserAccess");
        admin.screenshot("assignment-created");
        return activationLink;
    }
}
