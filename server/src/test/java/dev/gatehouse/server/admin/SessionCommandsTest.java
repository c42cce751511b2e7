package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code admin sessions}: what an administrator does on the console's user page, from the command line. */
class SessionCommandsTest {

    private static final RequestContext SETUP = RequestContext.commandLine("session-commands-test");
    private static final String PASSWORD = "Corr3ct-Horse!";

    @TempDir
    Path dataDir;
    private Services running;

    record Result(int exitCode, String out, String err) { }

    @BeforeEach
    void createEd() {
        // MFA would turn these password sign-ins into pending ones; the MFA tests are in web.MfaSignInPagesTest.
        running = Services.open(new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString(),
                        "GATEHOUSE_MFA_WITHOUT_DEVICE", "allow")).load(),
                Clock.systemUTC());
        running.core().identityStore().createUser(new NewUser("ed.developer", null, "Ed", "Developer", "ed@example.com",
                false), Actor.administratorCli(), SETUP);
        running.core().activations().setPassword(
                running.core().activations().issue("ed.developer", Actor.administratorCli(), SETUP),
                PASSWORD.toCharArray(), SETUP);
    }

    @AfterEach
    void close() {
        running.close();
    }

    private Result admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private SignedIn signIn() {
        return (SignedIn) running.core().passwordStep().signIn("ed.developer", PASSWORD.toCharArray(), SETUP);
    }

    @Test
    void sessionsListThenOneLinePerActiveSessionWithItsId() {
        SignedIn first = signIn();
        SignedIn second = signIn();

        Result listed = admin("sessions", "list", "--user", "ed.developer");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out().lines()).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith(first.session().sessionId()).contains("BROWSER"))
                .anySatisfy(line -> assertThat(line).startsWith(second.session().sessionId()));
    }

    @Test
    void sessionsRevokeOneThenOnlyThatSessionEndsAndTheAdministratorIsAudited() {
        SignedIn ended = signIn();
        SignedIn kept = signIn();

        Result revoked = admin("sessions", "revoke", "--user", "ed.developer", "--session",
                ended.session().sessionId());

        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(running.core().browserSessions().find(ended.cookieValue())).isEmpty();
        assertThat(running.core().browserSessions().find(kept.cookieValue())).isPresent();
        assertThat(running.core().auditQueries().find(new AuditQuery("gatehouse-admin", "RevokeSession", null, null, 10)))
                .singleElement().extracting(AuditEvent::requestParameters)
                .isEqualTo(Map.of("userName", "ed.developer", "sessionId", ended.session().sessionId()));
    }

    @Test
    void sessionsRevokeAllThenEverySessionEnds() {
        SignedIn first = signIn();
        SignedIn second = signIn();

        Result revoked = admin("sessions", "revoke", "--user", "ed.developer", "--all");

        assertThat(revoked.out()).isEqualTo("ended 2 session(s) of ed.developer" + System.lineSeparator());
        assertThat(running.core().browserSessions().find(first.cookieValue())).isEmpty();
        assertThat(running.core().browserSessions().find(second.cookieValue())).isEmpty();
        assertThat(admin("sessions", "list", "--user", "ed.developer").out()).isEmpty();
    }

    @Test
    void sessionsRevokeWhenTheSessionIsUnknownThenErrorAndExitOne() {
        Result result = admin("sessions", "revoke", "--user", "ed.developer", "--session", "no-such-session");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ").contains("does not exist or has already ended");
    }

    @Test
    void sessionsRevokeWithBothOrNeitherOfSessionAndAllThenUsageError() {
        SignedIn session = signIn();

        assertThat(admin("sessions", "revoke", "--user", "ed.developer", "--all", "--session",
                session.session().sessionId()).exitCode()).isEqualTo(2);
        assertThat(admin("sessions", "revoke", "--user", "ed.developer").exitCode()).isEqualTo(2);
        assertThat(running.core().browserSessions().find(session.cookieValue())).as("nothing ended").isPresent();
    }
}
