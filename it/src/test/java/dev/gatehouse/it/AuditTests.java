package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/** Every sign-in, token, credential and admin change leaves a CloudTrail-shaped event, and no secret. */
interface AuditTests extends LoginFlowTest {

    private List<AuditEvent> events(String userName, String eventName) {
        return gatehouse().services().core().auditQueries().find(new AuditQuery(userName, eventName, null, null, 1000));
    }

    @Test
    default void loginThenEachStepIsAuditedWithRequestIdSourceAndNoSecret() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        Browser failing = new Browser(gatehouse().baseUrl());
        String csrf = failing.get("/signin?next=/start").csrf();
        failing.post("/signin", Map.of("username", "ed.developer", "password", "Wrong-Passw0rd!", "next", "/start",
                "csrf", csrf));

        DeviceLogin.LoggedIn loggedIn = login().logIn(ed);
        login().refresh(loggedIn.client(), loggedIn.refreshToken());
        RoleCredentials credentials = login().roleCredentials(loggedIn.accessToken(), ed);
        login().sso().logout(r -> r.accessToken(loggedIn.accessToken()));

        assertThat(events("ed.developer", "UserAuthentication"))
                .extracting(AuditEvent::errorCode).containsExactlyInAnyOrder(null, "InvalidCredentials");
        assertThat(events("ed.developer", "CreateToken")).hasSize(2)
                .allSatisfy(e -> assertThat(e.eventSource()).isEqualTo("sso-oauth.amazonaws.com"));
        assertThat(events("ed.developer", "GetRoleCredentials")).singleElement().satisfies(e -> {
            assertThat(e.requestParameters()).containsEntry("accountId", ed.accountId())
                    .containsEntry("roleName", "PowerUserAccess");
            assertThat(e.responseElements()).containsEntry("accessKeyId", credentials.accessKeyId());
            assertThat(e.requestId()).isNotBlank();
            assertThat(e.sourceIpAddress()).isNotBlank();
            assertThat(e.userAgent()).contains("aws-sdk-java");
        });
        assertThat(events("ed.developer", "Logout")).hasSize(1);
        assertThat(events(null, "CreateUser")).hasSize(1);

        String everything = events(null, null).toString();
        assertThat(everything)
                .doesNotContain(loggedIn.accessToken(), loggedIn.refreshToken(), loggedIn.client().clientSecret(),
                        credentials.secretAccessKey(), credentials.sessionToken(), ed.password(), "Wrong-Passw0rd!");
    }

    @Test
    default void createTokenWhilePendingThenNoEventIsWritten() {
        entitle(Entitlement.edDeveloperWithPowerUserAccess());
        RegisterClientResponse client = login().registerClient();
        StartDeviceAuthorizationResponse device = login().startDeviceAuthorization(client);
        int before = events(null, null).size();

        for (int poll = 0; poll < 3; poll++) {
            clock().advance(Duration.ofSeconds(device.interval()));
            assertThatThrownBy(() -> login().createToken(client, device))
                    .isInstanceOf(AuthorizationPendingException.class);
        }

        assertThat(events(null, null)).hasSize(before);
    }
}
