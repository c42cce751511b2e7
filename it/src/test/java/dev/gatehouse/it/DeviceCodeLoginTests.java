package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** {@code sso login --use-device-code} with the AWS SDK, and every way the device code can be refused. */
interface DeviceCodeLoginTests extends LoginFlowTest {

    @Test
    default void deviceLoginWhenApprovedThenSdkListsAccountsGetsRoleCredentialsAndStsKnowsTheCaller() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        long issuedAt = clock().instant().getEpochSecond();

        RegisterClientResponse client = login().registerClient();
        assertThat(client.clientId()).isNotBlank();
        assertThat(client.clientSecret()).isNotBlank();
        assertThat(client.clientIdIssuedAt()).isEqualTo(issuedAt);
        assertThat(client.clientSecretExpiresAt()).isEqualTo(issuedAt + Duration.ofDays(90).toSeconds());

        StartDeviceAuthorizationResponse device = login().startDeviceAuthorization(client);
        assertThat(device.userCode()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(device.verificationUri()).isEqualTo(gatehouse().baseUrl() + "/device");
        assertThat(device.verificationUriComplete())
                .isEqualTo(gatehouse().baseUrl() + "/device?user_code=" + device.userCode());
        assertThat(device.expiresIn()).isEqualTo(600);
        assertThat(device.interval()).isGreaterThanOrEqualTo(1);

        assertThatThrownBy(() -> login().createToken(client, device))
                .isInstanceOfSatisfying(AuthorizationPendingException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthorizationPendingException");
                });

        Browser browser = new Browser(gatehouse().baseUrl());
        Browser.Page confirmation = login().signInAndOpen(ed, browser, device.userCode());
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.html()).contains(device.userCode()).contains(DeviceLogin.CLIENT_NAME);
        Browser.Page approved = browser.decide(confirmation, device.userCode(), "approve");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.html()).containsIgnoringCase("approved");

        CreateTokenResponse tokens = login().createTokenAfterInterval(client, device);
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        assertThat(tokens.refreshToken()).isNotBlank();

        assertThat(login().sso().listAccounts(r -> r.accessToken(tokens.accessToken())).accountList())
                .containsExactly(AccountInfo.builder().accountId(ed.accountId()).accountName(ed.accountName())
                        .emailAddress("aws+dev@example.com").build());
        assertThat(login().sso().listAccountRoles(r -> r.accessToken(tokens.accessToken())
                .accountId(ed.accountId())).roleList())
                .containsExactly(RoleInfo.builder().roleName("PowerUserAccess").accountId(ed.accountId()).build());

        RoleCredentials credentials = login().roleCredentials(tokens.accessToken(), ed);
        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotBlank();
        assertThat(credentials.expiration())
                .isEqualTo(clock().millis() + ed.sessionDuration().toMillis());

        GetCallerIdentityResponse caller = login().callerIdentity(credentials);
        assertThat(caller.userId()).matches("AROA[A-Z2-7]{17}:ed\\.developer");
        assertThat(caller.account()).isEqualTo(ed.accountId());
        assertThat(caller.arn()).matches("arn:aws:sts::" + ed.accountId()
                + ":assumed-role/AWSReservedSSO_PowerUserAccess_[0-9a-f]{16}/ed\\.developer");
    }

    @Test
    default void deviceLoginWhenUserCodeIsWrongThenPageShowsAnErrorAndNothingIsApproved() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        RegisterClientResponse client = login().registerClient();
        StartDeviceAuthorizationResponse device = login().startDeviceAuthorization(client);
        String wrongCode = device.userCode().equals("BCDF-GHJK") ? "GHJK-BCDF" : "BCDF-GHJK";
        Browser browser = new Browser(gatehouse().baseUrl());

        Browser.Page entry = login().signInAndOpen(ed, browser, wrongCode);
        Browser.Page decided = browser.decide(entry, wrongCode, "approve");

        assertThat(entry.status()).isEqualTo(400);
        assertThat(entry.html()).contains("class=\"error\"").doesNotContain(DeviceLogin.CLIENT_NAME);
        assertThat(decided.status()).isEqualTo(400);
        assertThat(decided.html()).contains("class=\"error\"").doesNotContainIgnoringCase("request approved");
        assertThatThrownBy(() -> login().createTokenAfterInterval(client, device))
                .isInstanceOf(AuthorizationPendingException.class);
    }

    @Test
    default void createTokenWhenUserDeniesThenAccessDenied() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        RegisterClientResponse client = login().registerClient();
        StartDeviceAuthorizationResponse device = login().startDeviceAuthorization(client);

        Browser.Page denied = login().decide(ed, device.userCode(), "deny");

        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.html()).containsIgnoringCase("denied");
        assertThatThrownBy(() -> login().createTokenAfterInterval(client, device))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                });
    }

    @Test
    default void createTokenWhenDeviceCodeIsOlderThanExpiresInThenExpiredToken() {
        entitle(Entitlement.edDeveloperWithPowerUserAccess());
        RegisterClientResponse client = login().registerClient();
        StartDeviceAuthorizationResponse device = login().startDeviceAuthorization(client);

        clock().advance(Duration.ofSeconds(device.expiresIn() + 1));

        assertThatThrownBy(() -> login().createToken(client, device))
                .isInstanceOfSatisfying(ExpiredTokenException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    default void createTokenWhenPolledFasterThanIntervalThenSlowDown() {
        RegisterClientResponse client = login().registerClient();
        StartDeviceAuthorizationResponse device = login().startDeviceAuthorization(client);

        assertThatThrownBy(() -> login().createToken(client, device))
                .isInstanceOf(AuthorizationPendingException.class);
        assertThatThrownBy(() -> login().createToken(client, device))
                .as("one early poll is forgiven: the AWS CLI polls twice in a row when it starts")
                .isInstanceOf(AuthorizationPendingException.class);
        assertThatThrownBy(() -> login().createToken(client, device))
                .isInstanceOfSatisfying(SlowDownException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDownException");
                });
        assertThatThrownBy(() -> login().createTokenAfterInterval(client, device))
                .as("a poll after the interval is answered normally again")
                .isInstanceOf(AuthorizationPendingException.class);
    }
}
