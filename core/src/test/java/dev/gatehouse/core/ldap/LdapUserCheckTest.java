package dev.gatehouse.core.ldap;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryGroup;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUser;
import dev.gatehouse.core.identitysource.LdapSchema;
import dev.gatehouse.core.identitysource.LdapSettings;
import dev.gatehouse.core.identitysource.LdapSettings.Transport;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.oidc.GrantTypes;
import dev.gatehouse.core.oidc.TokenEndpoint;
import dev.gatehouse.core.oidc.TokenRequest;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory asked again between syncs: at each refresh-token use a user disabled, removed or taken out of their
 * group in the directory is refused at once, while an unreachable directory lets refreshes go on; and a first
 * sign-in brings the person's groups with them.
 */
class LdapUserCheckTest {

    private final InMemoryCore core = new InMemoryCore();
    private final StandInDirectory directory = new StandInDirectory();
    private CoreServices services;
    private DirectoryUser alice;
    private ClientRegistrations.Registered client;

    @BeforeEach
    void aliceIsSyncedInEngineers() {
        core.ldapConnector = (settings, password) -> directory;
        services = core.services(new MfaPolicy(MfaPolicy.Mode.ALWAYS, Duration.ofDays(7),
                MfaPolicy.WithoutDevice.ALLOW));
        services.identitySources().setLdap(new LdapSettings(List.of("ldap://127.0.0.1:3389"),
                Transport.INSECURE_PLAIN, null, "cn=gatehouse,dc=example,dc=com", "ou=people,dc=example,dc=com",
                null, "ou=groups,dc=example,dc=com", null, LdapSchema.OPENLDAP), "bind-secret",
                Actor.administratorCli(), CONTEXT);
        alice = directory.addUser("alice", "pw");
        directory.addGroup("engineers", alice.dn());
        services.ldapSync().run(CONTEXT);
        client = services.clients().register(new ClientRegistrations.Request("cli", "public",
                List.of("sso:account:access"), null, null, null), CONTEXT);
    }

    private TokenEndpoint.Tokens cliTokens(String userName) {
        User user = services.identityStore().user(userName);
        DeviceAuthorizations.Started started = services.devices().start(client.client().clientId(),
                client.clientSecret(), core.instance.portalUrl(), CONTEXT);
        services.devices().approve(started.userCode(), user, CONTEXT);
        return services.tokens().createToken(new TokenRequest(client.client().clientId(), client.clientSecret(),
                GrantTypes.DEVICE_CODE, started.deviceCode(), null, null, null, null, null), CONTEXT);
    }

    private TokenEndpoint.Tokens refresh(TokenEndpoint.Tokens tokens) {
        return services.tokens().createToken(new TokenRequest(client.client().clientId(), client.clientSecret(),
                GrantTypes.REFRESH_TOKEN, null, null, tokens.refreshToken(), null, null, null), CONTEXT);
    }

    private DomainError refusedRefresh(TokenEndpoint.Tokens tokens) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> refresh(tokens));
        assertThat(refused).as("the refresh is refused").isNotNull();
        return refused.error();
    }

    @Test
    void aRefreshGoesOnWhileTheDirectoryStillHasTheUser() {
        TokenEndpoint.Tokens tokens = cliTokens("alice");

        assertThat(refresh(tokens).accessToken()).isNotBlank();
    }

    @Test
    void aUserDisabledInTheDirectoryIsRefusedAtTheNextRefreshWithoutWaitingForTheSync() {
        TokenEndpoint.Tokens tokens = cliTokens("alice");
        directory.users.set(0, new DirectoryUser(alice.dn(), alice.id(), "alice", alice.email(), "alice",
                "Tester", "alice Tester", true));

        assertThat(refusedRefresh(tokens)).isInstanceOf(DomainError.InvalidGrant.class);
        assertThat(services.identityStore().user("alice").enabled()).isFalse();
    }

    @Test
    void aUserRemovedFromTheDirectoryIsRefusedAtTheNextRefresh() {
        TokenEndpoint.Tokens tokens = cliTokens("alice");
        directory.users.clear();

        assertThat(refusedRefresh(tokens)).isInstanceOf(DomainError.InvalidGrant.class);
        assertThat(services.identityStore().usersWithEmail(alice.email())).isEmpty();
    }

    @Test
    void aUserTakenOutOfTheirGroupInTheDirectoryIsRefusedAtTheNextRefresh() {
        TokenEndpoint.Tokens tokens = cliTokens("alice");
        directory.groups.set(0, new DirectoryGroup(StandInDirectory.groupDn("engineers"), "uuid-engineers",
                "engineers", List.of()));

        assertThat(refusedRefresh(tokens)).isInstanceOf(DomainError.InvalidGrant.class);
        assertThat(services.identityStore().members("engineers")).isEmpty();
    }

    @Test
    void anUnreachableDirectoryLetsRefreshesGoOnUntilItAnswersAgain() {
        TokenEndpoint.Tokens tokens = cliTokens("alice");
        directory.down = true;

        TokenEndpoint.Tokens refreshed = refresh(tokens);
        assertThat(refreshed.accessToken()).isNotBlank();

        directory.down = false;
        directory.users.clear();
        assertThat(refusedRefresh(refreshed)).isInstanceOf(DomainError.InvalidGrant.class);
    }

    @Test
    void aFirstSignInBringsThePersonsGroupsBeforeAnySyncHasSeenThem() {
        DirectoryUser bob = directory.addUser("bob", "bob-pw");
        directory.groups.set(0, new DirectoryGroup(StandInDirectory.groupDn("engineers"), "uuid-engineers",
                "engineers", List.of(alice.dn(), bob.dn())));

        SignedIn signedIn = (SignedIn) services.passwordStep().signIn("bob", "bob-pw".toCharArray(), CONTEXT);

        assertThat(signedIn.user().userName()).isEqualTo("bob");
        assertThat(services.identityStore().groupsOf("bob")).extracting(Group::displayName)
                .containsExactly("engineers");
    }
}
