package dev.gatehouse.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.instance.InstanceService;
import dev.gatehouse.core.password.ActivationService;
import dev.gatehouse.core.password.PasswordPolicy;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.testing.CountingPasswordHasher;
import dev.gatehouse.core.testing.SteppedClock;
import dev.gatehouse.store.testing.TestUsers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Setting a password through an activation link on a real (H2) store: none of the last 3 may come back. */
class PasswordReuseTest extends ServiceOnH2 {

    private static final RequestContext CONTEXT = new RequestContext("request-1", "192.0.2.10", "test");


    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final CountingPasswordHasher hasher = new CountingPasswordHasher();
    private ActivationService activation;
    private User ed;

    @BeforeEach
    void setUp() {
        activation = new ActivationService(store.users(), store.activations(), store.passwordHistory(),
                store.sessions(), store, clock, new AuditLog(store.audit(), clock), hasher, Lifetimes.defaults());
        ed = TestUsers.user("ed.developer");
        store.users().insert(ed);
    }

    @Test
    void setPasswordWhenSameAsCurrentThenRefusedBesideThePasswordAndLinkStillUsable() {
        set("First-Pass-1");
        String token = link();

        assertThat(refusal(token, "First-Pass-1"))
                .isEqualTo(new DomainError.InvalidInput("password", PasswordPolicy.REUSED));
        assertThat(activation.userFor(token).userId()).isEqualTo(ed.userId());
        assertThat(edsPasswordIs("First-Pass-1")).isTrue();
    }

    @Test
    void setPasswordWhenOneOfThePreviousTwoThenRefused() {
        set("First-Pass-1");
        set("Second-Pass-2");
        set("Third-Pass-3");

        assertThat(refusal(link(), "Second-Pass-2")).isInstanceOf(DomainError.InvalidInput.class);
        assertThat(refusal(link(), "First-Pass-1")).isInstanceOf(DomainError.InvalidInput.class);
        assertThat(edsPasswordIs("Third-Pass-3")).isTrue();
    }

    @Test
    void setPasswordWhenFourthLastThenAcceptedAfterAtMostThreeChecks() {
        set("First-Pass-1");
        set("Second-Pass-2");
        set("Third-Pass-3");
        set("Fourth-Pass-4");
        int checksBefore = hasher.checks();

        set("First-Pass-1");

        assertThat(hasher.checks() - checksBefore).isEqualTo(3);
        assertThat(edsPasswordIs("First-Pass-1")).isTrue();
    }

    @Test
    void setPasswordRemembersOnlyTheLastThreeNewestFirstTheCurrentOneIncluded() {
        for (String password : new String[] {"First-Pass-1", "Second-Pass-2", "Third-Pass-3", "Fourth-Pass-4"}) {
            set(password);
        }

        assertThat(store.passwordHistory().latest(ed.userId()))
                .hasSize(3)
                .startsWith(store.users().findById(ed.userId()).orElseThrow().passwordHash())
                .allMatch(hash -> !hasher.matches("First-Pass-1".toCharArray(), hash));
    }

    @Test
    void setPasswordWhenRefusedThenNothingRemembered() {
        set("First-Pass-1");

        refusal(link(), "First-Pass-1");

        assertThat(store.passwordHistory().latest(ed.userId())).hasSize(1);
    }

    @Test
    void bootstrapAdministratorRemembersTheFirstPassword() {
        InstanceService instance = new InstanceService(store.instance(), store.users(), store.passwordHistory(), store,
                clock, new AuditLog(store.audit(), clock));

        instance.bootstrapAdministrator("admin", "Admin-Pass-1".toCharArray(), hasher);

        User admin = store.users().findByUserName("admin").orElseThrow();
        assertThat(store.passwordHistory().latest(admin.userId())).containsExactly(admin.passwordHash());
    }

    private void set(String password) {
        activation.setPassword(link(), password.toCharArray(), CONTEXT);
        clock.advance(Duration.ofMinutes(1));
    }

    private String link() {
        return activation.issue(ed.userName(), Actor.administratorCli(), CONTEXT);
    }

    private DomainError refusal(String token, String password) {
        Throwable thrown = catchThrowable(() -> activation.setPassword(token, password.toCharArray(), CONTEXT));
        assertThat(thrown).isInstanceOf(DomainException.class);
        return ((DomainException) thrown).error();
    }

    private boolean edsPasswordIs(String password) {
        return hasher.matches(password.toCharArray(), store.users().findById(ed.userId()).orElseThrow().passwordHash());
    }
}
