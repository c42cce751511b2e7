package dev.gatehouse.core.sts;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.AccountAssignment;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.access.PrincipalType;
import dev.gatehouse.core.credentials.RoleCredentials;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainError.SignatureFailure;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.GrantTypes;
import dev.gatehouse.core.oidc.TokenEndpoint;
import dev.gatehouse.core.oidc.TokenRequest;
import dev.gatehouse.core.testing.InMemoryCore;
import dev.gatehouse.sigv4.ReceivedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GetCallerIdentity with the role credentials the portal hands out, checked again against the store each time. */
class CallerIdentityServiceTest {

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();
    private final Account dev = new Account("111122223333", "dev", null, InMemoryCore.START);
    private final PermissionSet powerUser = new PermissionSet(
            "arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0123456789abcdef", "PowerUserAccess", null,
            Duration.ofHours(1), List.of("arn:aws:iam::aws:policy/PowerUserAccess"), null, null, null, Map.of(),
            "0123456789abcdef", InMemoryCore.START);
    private User ed;
    private AccountAssignment edsAssignment;
    private String accessToken;
    private RoleCredentials credentials;

    @BeforeEach
    void setUp() {
        ed = core.user("ed.developer");
        core.store.accounts().insert(dev);
        core.store.permissionSets().insert(powerUser);
        edsAssignment = new AccountAssignment(dev.accountId(), powerUser.permissionSetArn(), PrincipalType.USER,
                ed.userId());
        core.store.assignments().insert(edsAssignment);
        accessToken = signIn(ed).accessToken();
        credentials = services.portal().getRoleCredentials(accessToken, powerUser.name(), dev.accountId(), CONTEXT);
    }

    @Test
    void identifyWhenSignedWithIssuedCredentialsThenTheAssumedRoleOfTheUser() {
        CallerIdentity identity = services.callerIdentity().identify(signed(credentials));

        assertThat(identity.account()).isEqualTo(dev.accountId());
        assertThat(identity.arn()).isEqualTo("arn:aws:sts::111122223333:assumed-role/" + powerUser.roleName() + "/"
                + ed.userName());
        assertThat(identity.userId()).endsWith(":" + ed.userName());
    }

    @Test
    void identifyWithAnUnknownAccessKeyOrSessionTokenThenInvalidClientTokenId() {
        services.callerIdentity().identify(signed(credentials)); // now unsealed and cached
        RoleCredentials otherKey = new RoleCredentials("ASIAQNOTAREALKEY1234", credentials.secretAccessKey(),
                credentials.sessionToken(), credentials.expiration());
        RoleCredentials forgedToken = new RoleCredentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                "not-a-sealed-token", credentials.expiration());

        assertThat(rejection(() -> services.callerIdentity().identify(signed(otherKey))))
                .isEqualTo(SignatureFailure.INVALID_CLIENT_TOKEN_ID);
        assertThat(rejection(() -> services.callerIdentity().identify(signed(forgedToken))))
                .isEqualTo(SignatureFailure.INVALID_CLIENT_TOKEN_ID);
    }

    @Test
    void identifyWithTheWrongSecretThenSignatureDoesNotMatch() {
        RoleCredentials wrongSecret = new RoleCredentials(credentials.accessKeyId(), "x".repeat(40),
                credentials.sessionToken(), credentials.expiration());

        assertThat(rejection(() -> services.callerIdentity().identify(signed(wrongSecret))))
                .isEqualTo(SignatureFailure.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void identifyWhenTheCredentialsExpiredAfterACallThenExpiredToken() {
        services.callerIdentity().identify(signed(credentials)); // now unsealed and cached
        core.clock.set(credentials.expiration());

        assertThat(rejection(() -> services.callerIdentity().identify(signed(credentials))))
                .isEqualTo(SignatureFailure.EXPIRED_TOKEN);
    }

    @Test
    void identifyWhenTheSessionWasSignedOutAfterACallThenInvalidClientTokenIdAtOnce() {
        services.callerIdentity().identify(signed(credentials)); // now unsealed and cached
        services.portal().logout(accessToken, CONTEXT);

        assertThat(rejection(() -> services.callerIdentity().identify(signed(credentials))))
                .isEqualTo(SignatureFailure.INVALID_CLIENT_TOKEN_ID);
    }

    @Test
    void identifyWhenTheAssignmentWasRemovedAfterACallThenInvalidClientTokenId() {
        services.callerIdentity().identify(signed(credentials)); // now unsealed and cached
        core.store.assignments().delete(edsAssignment);

        assertThat(rejection(() -> services.callerIdentity().identify(signed(credentials))))
                .isEqualTo(SignatureFailure.INVALID_CLIENT_TOKEN_ID);
    }

    @Test
    void identifyWhenTheUserWasDeletedAfterACallThenInvalidClientTokenId() {
        services.callerIdentity().identify(signed(credentials)); // now unsealed and cached
        core.store.users().delete(ed.userId());

        assertThat(rejection(() -> services.callerIdentity().identify(signed(credentials))))
                .isEqualTo(SignatureFailure.INVALID_CLIENT_TOKEN_ID);
    }

    private ReceivedRequest signed(RoleCredentials with) {
        return StsRequests.getCallerIdentity(with, core.instance.region(), core.clock.instant());
    }

    private static SignatureFailure rejection(ThrowingCallable call) {
        DomainException thrown = catchThrowableOfType(DomainException.class, call);
        assertThat(thrown).as("rejected").isNotNull();
        assertThat(thrown.error()).isInstanceOf(DomainError.SignatureRejected.class);
        return ((DomainError.SignatureRejected) thrown.error()).kind();
    }

    /** Access-portal tokens for the user, through the device flow as the AWS CLI gets them. */
    private TokenEndpoint.Tokens signIn(User user) {
        ClientRegistrations.Registered client = services.clients().register(new ClientRegistrations.Request("cli",
                "public", List.of("sso:account:access"), null, null, null), CONTEXT);
        DeviceAuthorizations.Started started = services.devices().start(client.client().clientId(),
                client.clientSecret(), core.instance.portalUrl(), CONTEXT);
        services.devices().approve(started.userCode(), user, CONTEXT);
        return services.tokens().createToken(new TokenRequest(client.client().clientId(), client.clientSecret(),
                GrantTypes.DEVICE_CODE, started.deviceCode(), null, null, null, null, null), CONTEXT);
    }
}
