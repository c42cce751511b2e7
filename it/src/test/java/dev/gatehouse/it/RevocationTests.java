package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * When someone leaves, what they hold stops working on the very next call, not when it expires: the access
 * token, the refresh token and the role credentials alike.
 */
interface RevocationTests extends LoginFlowTest {

    @Test
    default void whenUserIsDisabledThenTokensAndCredentialsFailOnTheNextCall() {
        assertCutOffAfter(entitle(Entitlement.edDeveloperWithPowerUserAccess()), Entitlement::disableUser);
    }

    @Test
    default void whenUserIsDeletedThenTokensAndCredentialsFailOnTheNextCall() {
        assertCutOffAfter(entitle(Entitlement.edDeveloperWithPowerUserAccess()), Entitlement::deleteUser);
    }

    @Test
    default void whenUserIsRemovedFromTheGroupThatCarriedTheAssignmentThenTokensAndCredentialsFailOnTheNextCall() {
        assertCutOffAfter(entitle(Entitlement.edDeveloperWithPowerUserAccess().viaGroup("Developers")),
                Entitlement::removeFromGroup);
    }

    @Test
    default void whenAssignmentIsDeletedThenTokensAndCredentialsFailOnTheNextCall() {
        assertCutOffAfter(entitle(Entitlement.edDeveloperWithPowerUserAccess()), Entitlement::deleteAssignment);
    }

    /** Logs in, proves everything works, applies the change, then checks each credential once. */
    private void assertCutOffAfter(Entitlement person, Consumer<Entitlement> revocation) {
        DeviceLogin.LoggedIn loggedIn = login().logIn(person);
        RoleCredentials credentials = login().roleCredentials(loggedIn.accessToken(), person);
        login().callerIdentity(credentials);

        revocation.accept(person);

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(catchThrowable(() -> login().sso().listAccounts(r -> r.accessToken(loggedIn.accessToken()))))
                .as("ListAccounts with the access token must be refused (null: it answered)")
                .isInstanceOf(UnauthorizedException.class);
        softly.assertThat(catchThrowable(() -> login().refresh(loggedIn.client(), loggedIn.refreshToken())))
                .as("CreateToken with the refresh token must be refused (null: it answered)")
                .isInstanceOf(InvalidGrantException.class);
        softly.assertThat(catchThrowable(() -> login().callerIdentity(credentials)))
                .as("GetCallerIdentity with the role credentials must be refused (null: it answered)")
                .isInstanceOfSatisfying(StsException.class, e -> {
                    softly.assertThat(e.statusCode()).isEqualTo(403);
                    softly.assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                });
        softly.assertAll();
    }
}
