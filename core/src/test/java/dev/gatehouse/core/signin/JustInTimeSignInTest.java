package dev.gatehouse.core.signin;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.directory.UserStatus;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource.Provisioning;
import dev.gatehouse.core.identitysource.IdentitySource.UserClaim;
import dev.gatehouse.core.identitysource.IdentitySources.ExternalOidc;
import dev.gatehouse.core.identitysource.IdpMfa;
import dev.gatehouse.core.signin.ExternalSignInStep.ExternalIdentity;
import dev.gatehouse.core.testing.InMemoryCore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Just-in-time provisioning and the provider's MFA, behind a verified provider answer: the first sign-in creates
 * the user and their groups from the claims, a later one follows changed claims, and a sign-in without a second
 * factor is refused when the administrator demands one.
 */
class JustInTimeSignInTest {

    private static final String ISSUER = "https://idp.example.com";

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();

    @Test
    void firstSignInCreatesTheUserWithTheClaimedGroupsAndALaterOneFollowsTheClaims() {
        useJustInTime("groups", IdpMfa.NOT_REQUIRED);
        services.identityStore().createGroup("Developers", null, Actor.administratorCli(), CONTEXT);

        SignedIn first = signIn("Ada", "ada@example.com", List.of("developers", "Auditors", "auditors"));

        User ada = first.user();
        assertThat(ada.userName()).isEqualTo("Ada");
        assertThat(ada.email()).isEqualTo("ada@example.com");
        assertThat(ada.givenName()).isEqualTo("Ada");
        assertThat(ada.familyName()).isEqualTo("Lovelace");
        assertThat(groupNames("Ada")).containsExactly("Auditors", "Developers");
        assertThat(events("CreateUser")).singleElement()
                .satisfies(e -> assertThat(e.userIdentity()).containsEntry("type", "ExternalIdentityProvider"));

        SignedIn second = signIn("ada", "ada.lovelace@example.com", List.of("Operators"));

        assertThat(second.user().userId()).isEqualTo(ada.userId());
        assertThat(second.user().email()).isEqualTo("ada.lovelace@example.com");
        assertThat(groupNames("Ada")).containsExactly("Operators");
        assertThat(services.browserSessions().find(first.cookieValue()))
                .as("leaving a group ends the older sessions").isEmpty();
        assertThat(services.browserSessions().find(second.cookieValue())).isPresent();
        assertThat(events("CreateUser")).hasSize(1);
    }

    @Test
    void withoutAGroupsClaimTheMembershipsAreLeftToTheAdministrators() {
        useJustInTime(null, IdpMfa.NOT_REQUIRED);
        signIn("ada", "ada@example.com", null);
        services.identityStore().createGroup("Developers", null, Actor.administratorCli(), CONTEXT);
        services.identityStore().addMember("Developers", "ada", Actor.administratorCli(), CONTEXT);

        signIn("ada", "ada@example.com", null);

        assertThat(groupNames("ada")).containsExactly("Developers");
    }

    @Test
    void aDisabledUserIsNotReEnabledOrChangedBySigningIn() {
        useJustInTime("groups", IdpMfa.NOT_REQUIRED);
        signIn("ada", "ada@example.com", List.of("Developers"));
        services.identityStore().setStatus("ada", UserStatus.DISABLED, Actor.administratorCli(), CONTEXT);

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> signIn("ada", "other@example.com", List.of()));

        assertThat(refused.getMessage()).contains("is disabled");
        User ada = services.identityStore().user("ada");
        assertThat(ada.email()).isEqualTo("ada@example.com");
        assertThat(groupNames("ada")).containsExactly("Developers");
    }

    @Test
    void aNewUserWithoutAnEmailIsRefusedWithAClearMessageAndNothingCreated() {
        useJustInTime("groups", IdpMfa.NOT_REQUIRED);

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> signIn("ada", null, List.of("Developers")));

        assertThat(refused.error()).isEqualTo(JustInTimeUsers.NO_EMAIL);
        assertThat(core.store.users().findByUserName("ada")).isEmpty();
        assertThat(core.store.groups().findByDisplayName("Developers")).isEmpty();
    }

    @Test
    void scimProvisioningStillRefusesAnUnknownUser() {
        services.identitySources().setExternalOidc(new ExternalOidc(ISSUER, "gatehouse", "secret",
                UserClaim.PREFERRED_USERNAME, Provisioning.SCIM, null, IdpMfa.NOT_REQUIRED),
                Actor.administratorCli(), CONTEXT);

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> signIn("ada", "ada@example.com", List.of()));

        assertThat(refused.getMessage()).contains("no user");
        assertThat(core.store.users().findByUserName("ada")).isEmpty();
    }

    @Test
    void requiredIdpMfaRefusesAPasswordOnlySignInAndAcceptsAmrOrAConfiguredAcr() {
        useJustInTime(null, IdpMfa.required(List.of("urn:okta:loa:2fa:any")));

        DomainException passwordOnly = catchThrowableOfType(DomainException.class,
                () -> signIn("ada", List.of("pwd"), "urn:okta:loa:1fa:pwd"));

        assertThat(passwordOnly.error()).isEqualTo(ExternalSignInStep.MFA_NOT_SHOWN);
        assertThat(core.store.users().findByUserName("ada")).as("nothing created").isEmpty();
        assertThat(events("UserAuthentication")).singleElement()
                .satisfies(e -> assertThat(e.requestParameters()).containsEntry("amr", List.of("pwd")));
        assertThat(signIn("ada", List.of("pwd", "otp"), null).user().userName()).isEqualTo("ada");
        assertThat(signIn("ada", List.of("MFA"), null)).isNotNull();
        assertThat(signIn("ada", List.of(), "urn:okta:loa:2fa:any")).isNotNull();
    }

    private void useJustInTime(String groupsClaim, IdpMfa idpMfa) {
        services.identitySources().setExternalOidc(new ExternalOidc(ISSUER, "gatehouse", "secret",
                UserClaim.PREFERRED_USERNAME, Provisioning.JIT, groupsClaim, idpMfa), Actor.administratorCli(),
                CONTEXT);
    }

    private SignedIn signIn(String userName, String email, List<String> groups) {
        return (SignedIn) services.externalSignInStep().signIn(new ExternalIdentity(ISSUER, "subject-" + userName,
                UserClaim.PREFERRED_USERNAME, userName, List.of("pwd"), null,
                new ExternalProfile(email, "Ada", "Lovelace", null, groups)), CONTEXT);
    }

    private SignedIn signIn(String userName, List<String> amr, String acr) {
        return (SignedIn) services.externalSignInStep().signIn(new ExternalIdentity(ISSUER, "subject-" + userName,
                UserClaim.PREFERRED_USERNAME, userName, amr, acr,
                new ExternalProfile(userName + "@example.com", null, null, null, null)), CONTEXT);
    }

    private List<String> groupNames(String userName) {
        return services.identityStore().groupsOf(userName).stream().map(Group::displayName).toList();
    }

    private List<AuditEvent> events(String name) {
        return core.store.audit().find(AuditQuery.all()).stream().filter(e -> e.eventName().equals(name)).toList();
    }
}
