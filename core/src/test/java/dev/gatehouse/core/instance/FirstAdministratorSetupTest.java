package dev.gatehouse.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.Administrators;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.identitysource.IdentitySource;
import dev.gatehouse.core.testing.InMemoryCore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The first-start link: one hour, one use, from the server's own machine unless allowed from anywhere. */
class FirstAdministratorSetupTest {

    private static final RequestContext LOCAL = new RequestContext("request-1", "127.0.0.1", "test");
    private static final RequestContext REMOTE = new RequestContext("request-2", "192.0.2.10", "test");
    private static final NewUser ROOT = new NewUser("root", null, "Ro", "Ot", "root@example.com", false);
    private static final String PASSWORD = "Corr3ct-Horse-Battery!";

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();

    private FirstAdministratorSetup setup(boolean fromAnyAddress) {
        return new FirstAdministratorSetup(core.store.users(), services.identityStore(), services.activations(),
                core.store, core.clock, new AuditLog(core.store.audit(), core.clock), fromAnyAddress,
                services.administrators(), services.identitySources()::current);
    }

    @Test
    void offerWhenNoAdministratorThenALinkThatCreatesOneWhoSetsAPasswordByActivation() {
        FirstAdministratorSetup setup = setup(false);
        String token = setup.offer(LOCAL).orElseThrow();

        String activation = setup.createAdministrator(token, ROOT, LOCAL);
        services.activations().setPassword(activation, PASSWORD.toCharArray(), LOCAL);

        User root = core.store.users().findByUserName("root").orElseThrow();
        assertThat(root.administrator()).isTrue();
        assertThat(core.hasher.matches(PASSWORD.toCharArray(), root.passwordHash())).isTrue();
        assertThat(core.store.audit().find(AuditQuery.all())).extracting(e -> e.eventName())
                .contains("CreateSetupLink", "CreateUser", "CreateActivationLink", "PasswordSet");
    }

    @Test
    void offerWhenAnAdministratorExistsThenNoLink() {
        FirstAdministratorSetup setup = setup(false);
        setup.createAdministrator(setup.offer(LOCAL).orElseThrow(), ROOT, LOCAL);

        assertThat(setup.offer(LOCAL)).isEmpty();
    }

    @Test
    void offerWhenOnlyTheAdminGroupMakesAdministratorsAndItHasAMemberThenNoLink() {
        FirstAdministratorSetup setup = withAdminGroup(IdentitySource.Kind.BUILT_IN);
        assertThat(setup.offer(LOCAL)).as("the group is empty: nobody administers yet").isPresent();
        core.user("pat.platform");
        services.identityStore().createGroup("Platform Team", null, Actor.administratorCli(), LOCAL);
        services.identityStore().addMember("Platform Team", "pat.platform", Actor.administratorCli(), LOCAL);

        assertThat(setup.offer(LOCAL)).isEmpty();
        assertThat(setup.awaitedAdminGroup()).isEmpty();
    }

    @Test
    void offerWhenTheIdentitySourceIsToProvideTheAdminGroupThenNoLinkButTheGroupIsAwaited() {
        FirstAdministratorSetup external = withAdminGroup(IdentitySource.Kind.EXTERNAL_OIDC);
        FirstAdministratorSetup builtIn = withAdminGroup(IdentitySource.Kind.BUILT_IN);

        assertThat(external.offer(LOCAL)).isEmpty();
        assertThat(external.awaitedAdminGroup()).contains("Platform Team");
        assertThat(builtIn.awaitedAdminGroup()).isEmpty();
    }

    private FirstAdministratorSetup withAdminGroup(IdentitySource.Kind kind) {
        IdentitySource source = new IdentitySource(kind, null, null, null, null, null, null, null, core.clock.instant());
        return new FirstAdministratorSetup(core.store.users(), services.identityStore(), services.activations(),
                core.store, core.clock, new AuditLog(core.store.audit(), core.clock), false,
                new Administrators(core.store.groups(), "Platform Team"), () -> source);
    }

    @Test
    void linkWhenUsedOnceThenExpired() {
        FirstAdministratorSetup setup = setup(false);
        String token = setup.offer(LOCAL).orElseThrow();
        setup.createAdministrator(token, ROOT, LOCAL);

        DomainError error = refusal(() -> setup.createAdministrator(token,
                new NewUser("second", null, "Se", "Cond", "second@example.com", true), LOCAL));

        assertThat(error).isInstanceOf(DomainError.ExpiredToken.class);
        assertThat(core.store.users().findByUserName("second")).isEmpty();
    }

    @Test
    void linkWhenAnHourOldThenExpired() {
        FirstAdministratorSetup setup = setup(false);
        String token = setup.offer(LOCAL).orElseThrow();
        setup.check(token, LOCAL);

        core.clock.advance(Duration.ofHours(1));

        assertThat(refusal(() -> setup.check(token, LOCAL))).isInstanceOf(DomainError.ExpiredToken.class);
    }

    @Test
    void linkWhenAnotherTokenThenExpired() {
        FirstAdministratorSetup setup = setup(false);
        setup.offer(LOCAL).orElseThrow();

        assertThat(refusal(() -> setup.check("ghs_guessed", LOCAL))).isInstanceOf(DomainError.ExpiredToken.class);
        assertThat(refusal(() -> setup.check(null, LOCAL))).isInstanceOf(DomainError.ExpiredToken.class);
    }

    @Test
    void linkWhenOpenedFromAnotherMachineThenAccessDeniedUnlessAllowed() {
        FirstAdministratorSetup localOnly = setup(false);
        String token = localOnly.offer(LOCAL).orElseThrow();

        assertThat(refusal(() -> localOnly.createAdministrator(token, ROOT, REMOTE)))
                .isInstanceOf(DomainError.AccessDenied.class);
        assertThat(core.store.users().findByUserName("root")).isEmpty();
        localOnly.check(token, new RequestContext("request-3", "::1", "test"));

        FirstAdministratorSetup anywhere = setup(true);
        anywhere.createAdministrator(anywhere.offer(LOCAL).orElseThrow(), ROOT, REMOTE);
        assertThat(core.store.users().findByUserName("root")).isPresent();
    }

    @Test
    void createWhenTheUserIsInvalidThenTheLinkStaysUsable() {
        FirstAdministratorSetup setup = setup(false);
        String token = setup.offer(LOCAL).orElseThrow();

        assertThat(refusal(() -> setup.createAdministrator(token,
                new NewUser("has space", null, "A", "B", "a@example.com", true), LOCAL)))
                .isInstanceOf(DomainError.InvalidInput.class);

        setup.createAdministrator(token, ROOT, LOCAL);
        assertThat(core.store.users().anyAdministrator()).isTrue();
    }

    private static DomainError refusal(Runnable call) {
        return catchThrowableOfType(DomainException.class, call::run).error();
    }
}
