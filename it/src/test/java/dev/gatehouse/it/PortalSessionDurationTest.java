package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;

/**
 * A configured {@code portal-session-duration} (here the shortest allowed, 15 minutes) bounds the first token and
 * every refresh, and a refresh after the session's end gets the error botocore reads as "Token has expired".
 */
class PortalSessionDurationTest {

    private static final Duration SESSION = Duration.ofMinutes(15);

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private DeviceLogin login;

    @BeforeEach
    void start() {
        gatehouse = RunningGatehouse.onH2(dataDir, MutableClock.startingNow(), SESSION);
        login = new DeviceLogin(gatehouse);
    }

    @AfterEach
    void stop() throws Exception {
        login.close();
        gatehouse.close();
    }

    @Test
    void refreshWhenTheConfiguredSessionHasEndedThenExpiredToken() {
        Entitlement ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        DeviceLogin.LoggedIn loggedIn = login.logIn(ed);
        assertThat(loggedIn.tokens().expiresIn()).as("an access token outlives no session")
                .isLessThanOrEqualTo((int) SESSION.toSeconds());

        gatehouse.clock().advance(Duration.ofMinutes(10));
        CreateTokenResponse refreshed = login.refresh(loggedIn.client(), loggedIn.refreshToken());
        assertThat(refreshed.expiresIn()).as("bounded by the session's end").isEqualTo(5 * 60);

        gatehouse.clock().advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> login.refresh(loggedIn.client(), refreshed.refreshToken()))
                .isInstanceOfSatisfying(ExpiredTokenException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
    }
}
