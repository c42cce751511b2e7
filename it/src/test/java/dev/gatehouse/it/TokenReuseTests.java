package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

/** A rotated refresh token presented again may be a stolen one: the whole session ends. */
interface TokenReuseTests extends LoginFlowTest {

    @Test
    default void refreshWithARotatedRefreshTokenThenTheSessionIsRevokedAndAudited() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        DeviceLogin.LoggedIn loggedIn = login().logIn(ed);
        CreateTokenResponse refreshed = login().refresh(loggedIn.client(), loggedIn.refreshToken());

        assertThatThrownBy(() -> login().refresh(loggedIn.client(), loggedIn.refreshToken()))
                .isInstanceOf(InvalidGrantException.class);

        assertThatThrownBy(() -> login().sso().listAccounts(r -> r.accessToken(refreshed.accessToken())))
                .as("the access token issued by the rotation")
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> login().refresh(loggedIn.client(), refreshed.refreshToken()))
                .as("the newest refresh token")
                .isInstanceOf(InvalidGrantException.class);
        assertThat(gatehouse().services().core().auditQueries()
                .find(new AuditQuery(null, "RefreshTokenReuse", null, null, 10)))
                .singleElement().satisfies(e -> {
                    assertThat(e.requestParameters()).containsEntry("userName", "ed.developer")
                            .containsEntry("clientId", loggedIn.client().clientId());
                    assertThat(e.responseElements()).containsEntry("sessionRevoked", true);
                });
    }
}
