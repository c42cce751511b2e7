package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.sts.model.StsException;

/** After the login: refreshing, role credentials and their limits, and logging out. */
interface SessionTests extends LoginFlowTest {

    @Test
    default void createTokenWithRefreshTokenThenNewTokensAndTheRotatedRefreshTokenIsRefused() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        DeviceLogin.LoggedIn loggedIn = login().logIn(ed);

        CreateTokenResponse refreshed = login().refresh(loggedIn.client(), loggedIn.refreshToken());

        assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(loggedIn.accessToken());
        assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(loggedIn.refreshToken());
        assertThat(login().sso().listAccounts(r -> r.accessToken(refreshed.accessToken())).accountList())
                .hasSize(1);
        assertThatThrownBy(() -> login().refresh(loggedIn.client(), loggedIn.refreshToken()))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidGrantException");
                });
    }

    @Test
    default void getCallerIdentityWhenSignedWithAWrongSecretThenSignatureDoesNotMatch() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        RoleCredentials credentials = login().roleCredentials(login().logIn(ed).accessToken(), ed);
        String wrongSecret = credentials.secretAccessKey().substring(1) + "x";

        assertThatThrownBy(() -> login().sts(credentials.accessKeyId(), wrongSecret, credentials.sessionToken())
                .getCallerIdentity())
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                });
    }

    @Test
    default void getCallerIdentityWhenCredentialsOutliveTheSessionDurationThenExpiredToken() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        RoleCredentials credentials = login().roleCredentials(login().logIn(ed).accessToken(), ed);
        assertThat(login().callerIdentity(credentials).account()).isEqualTo(ed.accountId());

        clock().advance(ed.sessionDuration().plus(Duration.ofSeconds(1)));

        // The SDK still signs with the real time, now an hour behind the server's: it is told "Signature
        // expired" with the server's Date, corrects its clock skew, and retries into the real answer.
        assertThatThrownBy(() -> login().callerIdentity(credentials))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                });
    }

    @Test
    default void getRoleCredentialsWhenRoleIsNotAssignedThenResourceNotFound() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        String accessToken = login().logIn(ed).accessToken();

        assertThatThrownBy(() -> login().sso().getRoleCredentials(r -> r.accessToken(accessToken)
                .accountId(ed.accountId()).roleName("AdministratorAccess")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                });
        assertThatThrownBy(() -> login().sso().getRoleCredentials(r -> r.accessToken(accessToken)
                .accountId("999988887777").roleName(ed.roleName())))
                .as("an account the user has nothing in")
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    default void logoutThenAccessTokenAndRefreshTokenAreRefused() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        DeviceLogin.LoggedIn loggedIn = login().logIn(ed);

        login().sso().logout(r -> r.accessToken(loggedIn.accessToken()));

        assertThatThrownBy(() -> login().sso().listAccounts(r -> r.accessToken(loggedIn.accessToken())))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedException");
                });
        assertThatThrownBy(() -> login().refresh(loggedIn.client(), loggedIn.refreshToken()))
                .isInstanceOf(InvalidGrantException.class);
    }

    @Test
    default void accessTokenWhenOlderThanAnHourThenUnauthorizedAndRefreshGivesANewOne() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        DeviceLogin.LoggedIn loggedIn = login().logIn(ed);

        clock().advance(Duration.ofHours(1));

        assertThatThrownBy(() -> login().sso().listAccounts(r -> r.accessToken(loggedIn.accessToken())))
                .isInstanceOf(UnauthorizedException.class);
        CreateTokenResponse refreshed = login().refresh(loggedIn.client(), loggedIn.refreshToken());
        assertThat(login().sso().listAccounts(r -> r.accessToken(refreshed.accessToken())).accountList()).hasSize(1);
    }

    @Test
    default void refreshWhenThePortalSessionHasEndedThenExpiredToken() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        DeviceLogin.LoggedIn loggedIn = login().logIn(ed);
        clock().advance(Duration.ofHours(7).plusMinutes(30));
        CreateTokenResponse lastBeforeEnd = login().refresh(loggedIn.client(), loggedIn.refreshToken());
        assertThat(lastBeforeEnd.expiresIn()).as("bounded by the session's end").isEqualTo(30 * 60);

        clock().advance(Duration.ofMinutes(30));

        assertThatThrownBy(() -> login().refresh(loggedIn.client(), lastBeforeEnd.refreshToken()))
                .isInstanceOfSatisfying(ExpiredTokenException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
    }

    @Test
    default void getCallerIdentityWhenSessionTokenAlteredMissingOrKeyUnknownThenInvalidClientTokenId() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        RoleCredentials credentials = login().roleCredentials(login().logIn(ed).accessToken(), ed);
        String token = credentials.sessionToken();
        String altered = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
        String otherKeyId = "ASIA" + "Q".repeat(16);

        for (StsClient sts : List.of(
                login().sts(credentials.accessKeyId(), credentials.secretAccessKey(), altered),
                login().sts(otherKeyId, credentials.secretAccessKey(), credentials.sessionToken()),
                AwsClients.sts(gatehouse().baseUrl(), StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()))))) {
            assertThatThrownBy(sts::getCallerIdentity)
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                    });
        }
    }
}
