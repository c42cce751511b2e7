package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessKeysPageTest extends ServerWithEdsAccounts {

    private static final String POWER_USER = "/start/credentials?account_id=111122223333&role_name=PowerUserAccess";

    @Test
    void showsFreshCredentialsWithTheirExpiry() {
        HttpResponse<String> page = signedInAsEd().get(POWER_USER);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Access keys for PowerUserAccess", "Development", DEVELOPMENT);
        assertThat(text(page, "access-key-id")).matches("ASIA[A-Z2-7]{16}");
        assertThat(text(page, "secret-access-key")).hasSize(40);
        assertThat(text(page, "session-token")).isNotBlank();
        // The permission set's one-hour session, from the server's clock.
        Instant expiry = server.clock.instant().plusSeconds(3600);
        assertThat(page.body()).contains("datetime=\"" + expiry + "\"", "(in 1 hour)");
    }

    @Test
    void everyFormatCarriesTheSameValues() {
        HttpResponse<String> page = signedInAsEd().get(POWER_USER);
        String keyId = text(page, "access-key-id");
        String secret = text(page, "secret-access-key");
        String token = text(page, "session-token");

        assertThat(text(page, "env-posix")).isEqualTo("export AWS_ACCESS_KEY_ID=\"" + keyId + "\"\n"
                + "export AWS_SECRET_ACCESS_KEY=\"" + secret + "\"\n"
                + "export AWS_SESSION_TOKEN=\"" + token + "\"\n");
        assertThat(text(page, "env-powershell")).isEqualTo("$Env:AWS_ACCESS_KEY_ID=\"" + keyId + "\"\n"
                + "$Env:AWS_SECRET_ACCESS_KEY=\"" + secret + "\"\n"
                + "$Env:AWS_SESSION_TOKEN=\"" + token + "\"\n");
        assertThat(text(page, "credentials-file")).isEqualTo("[111122223333_PowerUserAccess]\n"
                + "aws_access_key_id=" + keyId + "\n"
                + "aws_secret_access_key=" + secret + "\n"
                + "aws_session_token=" + token + "\n");
        assertThat(text(page, "env-cmd")).contains("set AWS_ACCESS_KEY_ID=" + keyId + "\n");
    }

    @Test
    void eachSingleValueHasACopyButtonThatScriptReveals() {
        HttpResponse<String> page = signedInAsEd().get(POWER_USER);

        for (String id : List.of("access-key-id", "secret-access-key", "session-token", "env-posix",
                "env-powershell", "credentials-file")) {
            assertThat(page.body()).contains("data-copy=\"" + id + "\"");
        }
        assertThat(page.body()).contains("<script src=\"/static/gatehouse.js\" defer></script>");
    }

    @Test
    void eachOpeningMintsNewCredentialsAuditedAsGetRoleCredentials() {
        Browser browser = signedInAsEd();

        String first = text(browser.get(POWER_USER), "access-key-id");
        String second = text(browser.get(POWER_USER), "access-key-id");

        assertThat(first).isNotEqualTo(second);
        List<AuditEvent> events = server.services.core().auditQueries().find(
                new AuditQuery("ed.developer", "GetRoleCredentials", null, null, 100));
        assertThat(events).filteredOn(e -> e.errorCode() == null)
                .extracting(e -> e.responseElements().get("accessKeyId")).contains(first, second);
        assertThat(events).filteredOn(e -> first.equals(e.responseElements().get("accessKeyId")))
                .singleElement().satisfies(e -> {
                    assertThat(e.eventSource()).isEqualTo("portal.sso.amazonaws.com");
                    assertThat(e.requestParameters()).containsEntry("accountId", DEVELOPMENT)
                            .containsEntry("roleName", "PowerUserAccess");
                });
    }

    @Test
    void roleNameInAnyCaseIsShownAsThePermissionSetSpellsIt() {
        HttpResponse<String> page = signedInAsEd()
                .get("/start/credentials?account_id=111122223333&role_name=poweruseraccess");

        assertThat(text(page, "credentials-file")).startsWith("[111122223333_PowerUserAccess]\n");
    }

    @Test
    void roleNotHeldIsNotFoundAndTheRefusalAudited() {
        HttpResponse<String> page = signedInAsEd()
                .get("/start/credentials?account_id=444455556666&role_name=PowerUserAccess");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("access-key-id");
        assertThat(server.services.core().auditQueries().find(
                new AuditQuery("ed.developer", "GetRoleCredentials", null, null, 100)))
                .anySatisfy(e -> {
                    assertThat(e.errorCode()).isEqualTo("NotFound");
                    assertThat(e.requestParameters()).containsEntry("accountId", PRODUCTION);
                });
    }

    @Test
    void malformedAccountIdIsABadRequest() {
        assertThat(signedInAsEd().get("/start/credentials?account_id=dev&role_name=PowerUserAccess").statusCode())
                .isEqualTo(400);
    }

    @Test
    void signedOutGoesToSignInAndComesBack() {
        HttpResponse<String> response = server.newBrowser().get(POWER_USER);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo(
                "/signin?next=/start/credentials?account_id=111122223333%26role_name=PowerUserAccess");
    }

    private static Browser signedInAsEd() {
        Browser browser = server.newBrowser();
        browser.signIn("ed.developer", "/start");
        return browser;
    }
}
