package dev.gatehouse.core.password;

import static dev.gatehouse.core.testing.InMemoryCore.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.core.CoreServices;
import dev.gatehouse.core.audit.AuditLog;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.session.Lifetimes;
import dev.gatehouse.core.testing.InMemoryCore;
import dev.gatehouse.core.throttle.Throttle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Self-service password reset: a mailed link, short-lived and good for one password. */
class PasswordResetsTest {

    private static final Pattern TOKEN = Pattern.compile("\\?token=(\\S+)");
    private static final String OLD_PASSWORD = "Old-Passw0rd-Here!";
    private static final String NEW_PASSWORD = "Corr3ct-Horse-Battery!";

    private final InMemoryCore core = new InMemoryCore();
    private final CoreServices services = core.services();
    private User ed;

    @BeforeEach
    void setUp() {
        ed = core.user("ed.developer", OLD_PASSWORD);
    }

    @Test
    void requestByUserNameThenOneMailWithALinkThatSetsThePassword() {
        services.passwordResets().request("ed.developer", CONTEXT);

        assertThat(core.mails).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo(ed.email());
            assertThat(mail.body()).contains(InMemoryCore.PUBLIC_URL + "/activate?token=");
        });
        services.activations().setPassword(mailedToken(), NEW_PASSWORD.toCharArray(), CONTEXT);

        String hash = core.store.users().findById(ed.userId()).orElseThrow().passwordHash();
        assertThat(core.hasher.matches(NEW_PASSWORD.toCharArray(), hash)).isTrue();
        assertThat(core.store.passwordHistory().latest(ed.userId())).containsExactly(hash);
    }

    @Test
    void requestByEmailIgnoringCaseThenTheSameLink() {
        services.passwordResets().request("ED.DEVELOPER@example.com", CONTEXT);

        assertThat(core.mails).singleElement().satisfies(mail -> assertThat(mail.to()).isEqualTo(ed.email()));
    }

    @Test
    void linkWhenUsedOnceThenItCannotSetAnotherPassword() {
        services.passwordResets().request("ed.developer", CONTEXT);
        String token = mailedToken();
        services.activations().setPassword(token, NEW_PASSWORD.toCharArray(), CONTEXT);

        expired(() -> services.activations().setPassword(token, "An0ther-Passw0rd!".toCharArray(), CONTEXT));

        String hash = core.store.users().findById(ed.userId()).orElseThrow().passwordHash();
        assertThat(core.hasher.matches(NEW_PASSWORD.toCharArray(), hash)).isTrue();
    }

    @Test
    void linkWhenAnHourOldThenExpiredAndThePasswordStays() {
        services.passwordResets().request("ed.developer", CONTEXT);
        core.clock.advance(services.passwordResets().linkLifetime());

        expired(() -> services.activations().setPassword(mailedToken(), NEW_PASSWORD.toCharArray(), CONTEXT));

        String hash = core.store.users().findById(ed.userId()).orElseThrow().passwordHash();
        assertThat(core.hasher.matches(OLD_PASSWORD.toCharArray(), hash)).isTrue();
    }

    @Test
    void linkWhenANewerOneWasRequestedThenTheOlderNoLongerWorks() {
        services.passwordResets().request("ed.developer", CONTEXT);
        String older = mailedToken();
        core.clock.advance(Duration.ofMinutes(1));
        services.passwordResets().request("ed.developer", CONTEXT);

        expired(() -> services.activations().setPassword(older, NEW_PASSWORD.toCharArray(), CONTEXT));
        services.activations().setPassword(mailedToken(), NEW_PASSWORD.toCharArray(), CONTEXT);
    }

    @Test
    void requestForNoSuchUserThenNoMailButAnAuditedRefusal() {
        services.passwordResets().request("nobody", CONTEXT);

        assertThat(core.mails).isEmpty();
        assertThat(core.store.audit().find(AuditQuery.all())).filteredOn(e -> e.eventName()
                .equals("PasswordResetRequested")).singleElement().satisfies(e ->
                assertThat(e.errorCode()).isNotNull());
    }

    @Test
    void requestWhenAskedTooOftenForOneUserThenNoMoreMails() {
        for (int i = 0; i < 5; i++) {
            services.passwordResets().request("ed.developer", CONTEXT);
        }

        assertThat(core.mails).as("three requests an hour per user").hasSize(3);
    }

    @Test
    void requestWithoutAMailServerThenAccessDenied() {
        AuditLog audit = new AuditLog(core.store.audit(), core.clock);
        PasswordResets withoutMail = new PasswordResets(core.store.users(), core.store,
                new Throttle(core.store.failedAttempts(), core.clock), core.clock, audit, services.activations(),
                Lifetimes.defaults(), null, InMemoryCore.PUBLIC_URL + "/activate", core.instance.portalUrl());

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> withoutMail.request("ed.developer", CONTEXT));

        assertThat(withoutMail.selfService()).isFalse();
        assertThat(refused.error()).isInstanceOf(DomainError.AccessDenied.class);
        assertThat(core.store.activations().markAllUsedOf(ed.userId(), core.clock.instant())).as("no link").isZero();
    }

    @Test
    void requestWhenTheAccountExistsThenTheSameStatementsBeforeTheAnswerAsForNoSuchAccount() {
        List<Supplier<Optional<Mailer.Mail>>> composedLater = new ArrayList<>();
        PasswordResets deferring = new PasswordResets(core.store.users(), core.store,
                new Throttle(core.store.failedAttempts(), core.clock), core.clock,
                new AuditLog(core.store.audit(), core.clock), services.activations(), Lifetimes.defaults(),
                new Mailer() {
                    @Override
                    public void send(Mailer.Mail mail) {
                        core.mails.add(mail);
                    }

                    @Override
                    public void composeAndSend(Supplier<Optional<Mailer.Mail>> compose) {
                        composedLater.add(compose);
                    }
                }, InMemoryCore.PUBLIC_URL + "/activate", core.instance.portalUrl());

        core.store.resetReads();
        deferring.request("ed.developer", CONTEXT);
        Map<String, Integer> readsForEd = core.store.reads();
        int writesForEd = core.store.writes();
        core.store.resetReads();
        deferring.request("nobody", CONTEXT);

        assertThat(core.store.reads()).isEqualTo(readsForEd);
        assertThat(core.store.writes()).isEqualTo(writesForEd);
        assertThat(composedLater).as("Ed's link, issued after the answer").hasSize(1);
        assertThat(core.mails).isEmpty();
        composedLater.getFirst().get().ifPresent(core.mails::add);
        services.activations().setPassword(mailedToken(), NEW_PASSWORD.toCharArray(), CONTEXT);
    }

    /** The token of the newest mail's link. */
    private String mailedToken() {
        Matcher matcher = TOKEN.matcher(core.mails.getLast().body());
        assertThat(matcher.find()).as("a link in the mail").isTrue();
        return matcher.group(1);
    }

    private static void expired(ThrowingCallable call) {
        DomainException thrown = catchThrowableOfType(DomainException.class, call);
        assertThat(thrown).as("refused").isNotNull();
        assertThat(thrown.error()).isInstanceOf(DomainError.ExpiredToken.class);
    }
}
