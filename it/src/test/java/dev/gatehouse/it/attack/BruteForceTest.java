package dev.gatehouse.it.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.IdentityStoreService.NewUser;
import dev.gatehouse.core.error.DomainError;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.oidc.ClientRegistrations;
import dev.gatehouse.core.oidc.DeviceAuthorizations;
import dev.gatehouse.core.signin.SignedIn;
import dev.gatehouse.it.Browser;
import dev.gatehouse.it.Entitlement;
import dev.gatehouse.it.MutableClock;
import dev.gatehouse.it.People;
import dev.gatehouse.it.RunningGatehouse;
import dev.gatehouse.server.Services;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password guessing and user-code guessing against a running server, as the acceptance C describes:
 * the attacked name is slowed and then locked, throttled attempts never reach the password check, other people
 * are not affected, and nothing tells an unknown name from a wrong password.
 */
class BruteForceTest {

    private static final String WRONG_PASSWORD = "Wr0ng-Horse-Battery";
    private static final String ANN = "ann.analyst";
    private static final String ANN_PASSWORD = "Ann-Corr3ct-Passw0rd";
    private static final String INCORRECT = "The user name or password is incorrect.";
    private static final RequestContext SETUP = RequestContext.commandLine("it-setup");

    @TempDir
    Path dataDir;

    private RunningGatehouse gatehouse;
    private MutableClock clock;
    private Entitlement ed;

    @BeforeEach
    void edAndAnnHavePasswords() {
        clock = MutableClock.startingNow();
        gatehouse = RunningGatehouse.onH2(dataDir, clock);
        ed = Entitlement.edDeveloperWithPowerUserAccess().createIn(gatehouse.services());
        People.createActive(gatehouse.services(), new NewUser(ANN, "Ann Analyst", "Ann", "Analyst",
                "ann@example.com", false), ANN_PASSWORD);
    }

    @AfterEach
    void stop() {
        gatehouse.close();
    }

    @Test
    void whenOneAddressSendsAThousandWrongPasswordsForEdThenEdIsLockedWhileAnnSignsInNormally() {
        Browser attacker = new Browser(gatehouse.baseUrl());
        String csrf = attacker.get("/signin").csrf();
        int checked = 0;
        int refused = 0;
        for (int attempt = 1; attempt <= 1_000; attempt++) {
            Browser.Page answer = attacker.post("/signin", Map.of("username", ed.userName(),
                    "password", WRONG_PASSWORD, "next", "/start", "csrf", csrf));
            if (answer.status() == 401) {
                checked++;
            } else {
                assertThat(answer.status()).as("attempt %d:%n%s", attempt, answer.html()).isEqualTo(429);
                assertThat(answer.text("signin-error")).startsWith("Too many failed sign-ins. Try again in ");
                refused++;
            }
            if (attempt == 500) {
                new Browser(gatehouse.baseUrl()).signIn(ANN, ANN_PASSWORD, "/start");
            }
            // A patient attacker: one guess every 10 seconds, 2 h 47 min in all.
            clock.advance(Duration.ofSeconds(10));
        }

        // 4 free failures, waits of 1, 2, 4 and 8 minutes, then one guess per 15-minute lock.
        assertThat(checked).isBetween(15, 20);
        assertThat(refused).isEqualTo(1_000 - checked);
        List<AuditEvent> attempts = events(ed.userName(), "UserAuthentication");
        assertThat(attempts).hasSize(1_000);
        // Only the checked guesses reached the password hash; the refused ones say so in the trail.
        assertThat(attempts).filteredOn(e -> "InvalidCredentials".equals(e.errorCode())).hasSize(checked);
        assertThat(attempts).filteredOn(e -> "TooManyRequests".equals(e.errorCode())).hasSize(refused);
        assertThat(events(ed.userName(), "UserLockedOut")).hasSize(checked - 8)
                .allSatisfy(e -> assertThat(e.responseElements()).containsKey("lockedUntil"));

        clock.advance(Duration.ofMinutes(15));
        new Browser(gatehouse.baseUrl()).signIn(ed.userName(), ed.password(), "/start");
    }

    @Test
    void whenUserIsUnknownThenEveryAnswerIsTheSameAsForAWrongPasswordThrottledOrNot() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            Browser.Page wrongPassword = attemptSignIn(ed.userName());
            Browser.Page unknownUser = attemptSignIn("no.such.person");

            assertThat(unknownUser.status()).as("attempt %d", attempt).isEqualTo(wrongPassword.status())
                    .isEqualTo(attempt <= 5 ? 401 : 429);
            assertThat(unknownUser.text("signin-error")).as("attempt %d", attempt)
                    .isEqualTo(wrongPassword.text("signin-error"))
                    .isEqualTo(attempt <= 5 ? INCORRECT : "Too many failed sign-ins. Try again in 1 minute.");
        }
        assertThat(events("no.such.person", "UserLockedOut")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(attemptSignIn("no.such.person").status()).isEqualTo(401);
    }

    @Test
    void whenOneAddressSpraysManyNamesThenItIsRefusedForAnyNameWhileOtherAddressesSignIn() {
        RequestContext sprayer = new RequestContext("spray", "203.0.113.9", "curl/8");
        for (int i = 1; i <= 30; i++) {
            String name = "user" + i;
            assertThatThrownBy(() -> signIn(name, WRONG_PASSWORD, sprayer))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.error()).isInstanceOf(DomainError.InvalidCredentials.class));
        }

        assertThatThrownBy(() -> signIn(ANN, ANN_PASSWORD, sprayer)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.error()).isEqualTo(
                        new DomainError.TooManyRequests("Too many failed sign-ins. Try again in 1 minute.")));
        RequestContext annAtHome = new RequestContext("home", "198.51.100.7", "Firefox");
        assertThat(signIn(ANN, ANN_PASSWORD, annAtHome).user().userName()).isEqualTo(ANN);
    }

    @Test
    void whenASignedInPersonGuessesUserCodesThenFiveWrongOnesAreAllowedAndTheNextWaitsTenMinutes() {
        String realCode = startDeviceLogin();
        Browser guesser = new Browser(gatehouse.baseUrl());
        guesser.signIn(ed.userName(), ed.password(), "/device");
        String csrf = guesser.get("/device").csrf();
        for (int guess = 1; guess <= 5; guess++) {
            String wrongCode = "BCDF-GHJ" + "KLMNP".charAt(guess - 1);
            Browser.Page answer = guesser.post("/device", Map.of("user_code", wrongCode, "csrf", csrf));
            assertThat(answer.status()).as("guess %d:%n%s", guess, answer.html()).isEqualTo(400);
            assertThat(answer.text("user-code-error")).startsWith("That code is not valid.");
        }

        Browser.Page refused = guesser.post("/device", Map.of("user_code", realCode, "csrf", csrf));
        Browser.Page refusedLink = guesser.openDevicePage(realCode);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("user-code-error")).isEqualTo("Too many wrong codes. Try again in 10 minutes.");
        assertThat(refusedLink.status()).isEqualTo(429);
        assertThat(events(ed.userName(), "UserCodeEntryLockedOut")).hasSize(1);
        clock.advance(Duration.ofMinutes(10));
        // The first code has expired meanwhile (it lives as long as the wait); the device starts again.
        assertThat(guesser.openDevicePage(startDeviceLogin()).status()).isEqualTo(200);
    }

    private Browser.Page attemptSignIn(String userName) {
        Browser browser = new Browser(gatehouse.baseUrl());
        String csrf = browser.get("/signin").csrf();
        return browser.post("/signin", Map.of("username", userName, "password", WRONG_PASSWORD, "next", "/start",
                "csrf", csrf));
    }

    private SignedIn signIn(String userName, String password, RequestContext context) {
        return (SignedIn) gatehouse.services().core().passwordStep().signIn(userName, password.toCharArray(), context);
    }

    /** A device asks for a login, as the AWS CLI would; the code it shows. */
    private String startDeviceLogin() {
        Services services = gatehouse.services();
        ClientRegistrations.Registered client = services.core().clients().register(new ClientRegistrations.Request(
                "botocore-client-attack", "public", List.of(), null, null, null), SETUP);
        DeviceAuthorizations.Started started = services.core().devices().start(client.client().clientId(),
                client.clientSecret(), services.instance().portalUrl(), SETUP);
        return started.userCode();
    }

    private List<AuditEvent> events(String userName, String eventName) {
        return gatehouse.services().core().auditQueries().find(new AuditQuery(userName, eventName, null, null, 2_000));
    }
}
