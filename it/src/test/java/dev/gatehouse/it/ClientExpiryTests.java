package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

/** A client registration lives 90 days, as AWS's does; after that every call the client makes is refused. */
interface ClientExpiryTests extends LoginFlowTest {

    Duration REGISTRATION = Duration.ofDays(90);

    @Test
    default void startDeviceAuthorizationWhenTheRegistrationHasExpiredThenInvalidClient() {
        RegisterClientResponse client = login().registerClient();
        clock().advance(REGISTRATION.minusSeconds(1));
        assertThat(login().startDeviceAuthorization(client).deviceCode()).as("the last second").isNotBlank();

        clock().advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> login().startDeviceAuthorization(client))
                .isInstanceOfSatisfying(InvalidClientException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
    }

    @Test
    default void createTokenWhenTheRegistrationHasExpiredThenInvalidClient() {
        Entitlement ed = entitle(Entitlement.edDeveloperWithPowerUserAccess());
        DeviceLogin.LoggedIn loggedIn = login().logIn(ed);

        clock().advance(REGISTRATION);

        assertThatThrownBy(() -> login().refresh(loggedIn.client(), loggedIn.refreshToken()))
                .as("the client is refused before its refresh token is looked at")
                .isInstanceOf(InvalidClientException.class);
    }

    @Test
    default void authorizeWhenTheRegistrationHasExpiredThenErrorPageAndNoRedirect() {
        PkceLogin.Client client = new PkceLogin(gatehouse()).registerClient();
        clock().advance(REGISTRATION);

        Browser.Page page = new Browser(gatehouse().baseUrl())
                .get(PkceLogin.authorizePath(client, PkceLogin.Attempt.fresh()));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.location()).isNull();
        assertThat(page.html()).contains("registration has expired");
    }
}
