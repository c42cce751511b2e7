package dev.gatehouse.server.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.testing.SoftwareAuthenticator;
import dev.gatehouse.server.web.Browser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The MFA section of a user's console page: a lost key deleted by an administrator, after a confirmation. */
class UserMfaPagesTest extends ServerWithAdmin {

    @Test
    void userPageListsTheirDevicesAndDeletesOneAfterConfirmation() {
        server.createActiveUser("lost.key");
        MfaDevice key = registeredKey("lost.key", "Blue key");
        Browser admin = admin();

        HttpResponse<String> page = admin.get("/admin/users/lost.key");
        String deletePath = "/admin/users/lost.key/mfa/" + key.deviceId() + "/delete";
        HttpResponse<String> confirmation = admin.get(deletePath);
        HttpResponse<String> deleted = submit(admin, deletePath);

        assertThat(Html.tag(page.body(), "user-mfa-devices")).isNotEmpty();
        assertThat(page.body()).contains("<td>Blue key</td>", "<td>Security key or passkey</td>",
                "href=\"" + deletePath + "\"");
        assertThat(text(confirmation, "question")).isEqualTo(
                "Delete Blue key (security key or passkey) of lost.key?");
        assertThat(Browser.location(deleted)).isEqualTo("/admin/users/lost.key?notice=mfa-device-deleted");
        assertThat(server.services.core().mfaDevices().list(key.userId())).isEmpty();
        assertThat(text(admin.get(Browser.location(deleted)), "no-mfa-devices")).isEqualTo("No MFA devices.");
        assertThat(events("DeleteMfaDevice")).anySatisfy(e -> {
            assertThat(e.userName()).isEqualTo(ADMIN);
            assertThat(e.requestParameters()).containsEntry("deviceId", key.deviceId()).containsEntry("kind",
                    "WEBAUTHN");
        });
    }

    @Test
    void deviceOfAnotherUserIsNotFoundUnderThisOne() {
        server.createActiveUser("keeps.key");
        server.createActiveUser("other.user");
        MfaDevice key = registeredKey("keeps.key", "Key");

        HttpResponse<String> deleted = submit(admin(), "/admin/users/other.user/mfa/" + key.deviceId() + "/delete");

        assertThat(deleted.statusCode()).isEqualTo(404);
        assertThat(server.services.core().mfaDevices().list(key.userId())).hasSize(1);
    }

    @Test
    void deleteWithoutCsrfIsRefused() {
        server.createActiveUser("csrf.mfa");
        MfaDevice key = registeredKey("csrf.mfa", "Key");

        HttpResponse<String> deleted = admin().post("/admin/users/csrf.mfa/mfa/" + key.deviceId() + "/delete",
                Browser.form());

        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(server.services.core().mfaDevices().list(key.userId())).hasSize(1);
    }

    @Test
    void aUserWhoIsNotAnAdministratorCannotDeleteDevices() {
        server.createActiveUser("not.admin.target");
        MfaDevice key = registeredKey("not.admin.target", "Key");
        Browser developer = server.newBrowser();
        developer.signIn(DEVELOPER, "/start");

        HttpResponse<String> deleted = developer.post("/admin/users/not.admin.target/mfa/" + key.deviceId()
                + "/delete", Browser.form("csrf", Browser.hidden(developer.get("/start"), "csrf")));

        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(server.services.core().mfaDevices().list(key.userId())).hasSize(1);
    }

    private static MfaDevice registeredKey(String userName, String name) {
        String userId = server.services.core().identityStore().user(userName).userId();
        CeremonyStart start = server.services.core().securityKeys().startRegistration(userId);
        return server.services.core().securityKeys().finishRegistration(userId, name, start.handle(),
                new SoftwareAuthenticator(server.services.config().http().publicUrl()).create(start.optionsJson()),
                Actor.user(userId, userName), SETUP);
    }
}
