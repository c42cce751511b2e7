package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static dev.gatehouse.server.web.Browser.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.audit.Actor;
import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.mfa.Base32;
import dev.gatehouse.core.mfa.CeremonyStart;
import dev.gatehouse.core.mfa.MfaPolicy;
import dev.gatehouse.core.mfa.Totp;
import dev.gatehouse.core.signin.PendingSignIns;
import dev.gatehouse.core.testing.SoftwareAuthenticator;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in with MFA through the pages: the real default (always, enrolment at sign-in), and servers set to
 * block, allow and context-aware. Codes are computed here from the secret the enrolment page shows.
 */
class MfaSignInPagesTest {

    private static final Pattern SECRET = Pattern.compile("id=\"secret-key\" class=\"secret-key\">([A-Z2-7 ]+)<");
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final AtomicInteger USERS = new AtomicInteger();

    @TempDir
    static Path dataDirs;
    static WebTestServer server;
    static WebTestServer blocking;
    static WebTestServer allowing;
    static WebTestServer contextAware;

    @BeforeAll
    static void startServers() throws Exception {
        server = WebTestServer.withMfa(Files.createDirectory(dataDirs.resolve("default")), MfaPolicy.DEFAULT);
        blocking = WebTestServer.withMfa(Files.createDirectory(dataDirs.resolve("block")),
                MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.BLOCK));
        allowing = WebTestServer.withMfa(Files.createDirectory(dataDirs.resolve("allow")),
                MfaPolicy.DEFAULT.withoutDevice(MfaPolicy.WithoutDevice.ALLOW));
        contextAware = WebTestServer.withMfa(Files.createDirectory(dataDirs.resolve("context-aware")),
                new MfaPolicy(MfaPolicy.Mode.CONTEXT_AWARE, Duration.ofDays(1), MfaPolicy.WithoutDevice.ENROL));
    }

    @AfterAll
    static void stopServers() {
        for (WebTestServer running : List.of(server, blocking, allowing, contextAware)) {
            running.close();
        }
    }

    @Test
    void firstSignInWhenNoDeviceThenEnrolsAnAppAndOnlyThenGetsASession() {
        String user = newUser(server);
        Browser browser = server.newBrowser();

        HttpResponse<String> password = browser.signIn(user, "/start?tab=accounts");

        assertThat(password.statusCode()).isEqualTo(303);
        assertThat(location(password)).isEqualTo("/start/mfa/app?next=/start?tab=accounts");
        assertThat(browser.cookie(SessionCookies.NAME)).as("no session before the app is confirmed").isEmpty();
        assertThat(browser.get("/start").statusCode()).as("the portal still asks to sign in").isEqualTo(303);

        HttpResponse<String> intro = browser.get(location(password));
        HttpResponse<String> again = browser.get(location(password));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Show the QR code").doesNotContain("qr-code");
        assertThat(server.services.core().auditQueries().find(AuditQuery.all()))
                .as("loading the page starts no enrolment")
                .noneMatch(e -> e.eventName().equals("CreateMfaDevice") && user.equals(e.userName()));
        HttpResponse<String> page = qrPage(browser, location(password));
        assertThat(server.services.core().auditQueries().find(AuditQuery.all())).as("the button starts one")
                .filteredOn(e -> e.eventName().equals("CreateMfaDevice") && user.equals(e.userName())).hasSize(1);
        assertThat(intro.statusCode()).isEqualTo(200);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "class=\"qr-code\"", "Add app and sign in",
                "autocomplete=\"one-time-code\"", "inputmode=\"numeric\"", "<label for=\"code\">");
        byte[] secret = secretOf(page);

        HttpResponse<String> confirmed = confirm(browser, page, code(server, secret));

        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(location(confirmed)).isEqualTo("/start?tab=accounts");
        assertThat(browser.get("/start").body()).contains("Signed in as " + user);
        assertThat(server.services.core().authenticatorApps().list(userId(server, user))).hasSize(1);
    }

    @Test
    void enrolmentWhenWrongFirstCodeThenSameQrCodeAgainAndNoSession() {
        String user = newUser(server);
        Browser browser = server.newBrowser();
        HttpResponse<String> page = qrPage(browser, location(browser.signIn(user, "/start")));
        byte[] secret = secretOf(page);

        HttpResponse<String> wrong = confirm(browser, page, wrongCode(server, secret));

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"code-error\"", "aria-invalid=\"true\"");
        assertThat(secretOf(wrong)).as("the QR code already scanned still counts").isEqualTo(secret);
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
        assertThat(confirm(browser, wrong, code(server, secret)).statusCode()).isEqualTo(303);
    }

    @Test
    void secondSignInAsksForTheCodeAndNextSurvivesBothSteps() {
        String user = newUser(server);
        byte[] secret = enrol(server, user);
        server.clock.advance(STEP);
        Browser browser = server.newBrowser();

        HttpResponse<String> password = browser.signIn(user, "/device?user_code=BCDF-GHJK");

        assertThat(location(password)).isEqualTo("/signin/mfa?next=/device?user_code=BCDF-GHJK");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
        HttpResponse<String> form = browser.get(location(password));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Signing in as <strong>" + user + "</strong>", "name=\"code\"",
                "autocomplete=\"one-time-code\"", "inputmode=\"numeric\"");
        assertThat(hidden(form, "next")).isEqualTo("/device?user_code=BCDF-GHJK");

        HttpResponse<String> done = submitCode(browser, form, code(server, secret));

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(location(done)).isEqualTo("/device?user_code=BCDF-GHJK");
        assertThat(browser.cookie(SessionCookies.NAME)).isPresent();
        assertThat(browser.cookie(SignInSteps.REMEMBERED)).as("mode always remembers no browser").isEmpty();
        assertThat(events(server, "CredentialVerification", user))
                .extracting(e -> e.requestParameters().get("credentialType"))
                .containsSubsequence("PASSWORD", "TOTP");
        assertThat(events(server, "UserAuthentication", user)).last()
                .satisfies(e -> assertThat(e.requestParameters()).containsEntry("mfaType", "TOTP"));
    }

    @Test
    void wrongCodeThenErrorBesideTheFieldAndNoSession() {
        String user = newUser(server);
        byte[] secret = enrol(server, user);
        server.clock.advance(STEP);
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get(location(browser.signIn(user, "/start")));

        HttpResponse<String> wrong = submitCode(browser, form, wrongCode(server, secret));

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"code-error\"", "That code is not right");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
        assertThat(events(server, "CredentialVerification", user)).filteredOn(e -> e.errorCode() != null)
                .extracting(e -> e.requestParameters().get("credentialType")).containsExactly("TOTP");
        assertThat(submitCode(browser, wrong, code(server, secret)).statusCode()).as("the right one still works")
                .isEqualTo(303);
    }

    @Test
    void codeAlreadyUsedIsRefusedUntilTheAppShowsANewOne() {
        String user = newUser(server);
        byte[] secret = enrol(server, user);
        String usedByEnrolment = code(server, secret);
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get(location(browser.signIn(user, "/start")));

        HttpResponse<String> replayed = submitCode(browser, form, usedByEnrolment);

        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(replayed.body()).contains("already used");
        server.clock.advance(STEP);
        String fresh = code(server, secret);
        assertThat(submitCode(browser, replayed, fresh).statusCode()).isEqualTo(303);

        Browser other = server.newBrowser();
        HttpResponse<String> otherForm = other.get(location(other.signIn(user, "/start")));
        assertThat(submitCode(other, otherForm, fresh).statusCode()).as("the same code in another browser")
                .isEqualTo(400);
        assertThat(other.cookie(SessionCookies.NAME)).isEmpty();
    }

    @Test
    void pendingSignInExpiresAfterFiveMinutes() {
        String user = newUser(server);
        byte[] secret = enrol(server, user);
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get(location(browser.signIn(user, "/start/sessions")));

        server.clock.advance(PendingSignIns.LIFETIME.plusSeconds(1));
        HttpResponse<String> late = submitCode(browser, form, code(server, secret));

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("expired", "<label for=\"password\">");
        assertThat(hidden(late, "next")).as("signing in again still returns there").isEqualTo("/start/sessions");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
    }

    @Test
    void pendingSignInCompletesOnce() {
        String user = newUser(server);
        byte[] secret = enrol(server, user);
        server.clock.advance(STEP);
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get(location(browser.signIn(user, "/start")));
        String pending = browser.cookie(SignInSteps.PENDING).orElseThrow();
        assertThat(submitCode(browser, form, code(server, secret)).statusCode()).isEqualTo(303);
        server.clock.advance(STEP);

        Browser thief = server.newBrowser();
        thief.setCookie(SignInSteps.PENDING, pending);
        HttpResponse<String> again = thief.post("/signin/mfa", form("code", code(server, secret), "next", "/start",
                "csrf", hidden(thief.get("/signin"), "csrf")));

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(thief.cookie(SessionCookies.NAME)).isEmpty();
    }

    @Test
    void codeGuessingIsThrottledPerUserEvenWithTheRightCode() {
        String user = newUser(server);
        byte[] secret = enrol(server, user);
        server.clock.advance(STEP);
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get(location(browser.signIn(user, "/start")));
        for (int guess = 0; guess < 5; guess++) {
            form = submitCode(browser, form, wrongCode(server, secret));
            assertThat(form.statusCode()).isEqualTo(400);
        }

        HttpResponse<String> right = submitCode(browser, form, code(server, secret));

        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("Too many wrong codes");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
        Browser fresh = server.newBrowser();
        HttpResponse<String> freshForm = fresh.get(location(fresh.signIn(user, "/start")));
        assertThat(submitCode(fresh, freshForm, code(server, secret)).statusCode())
                .as("a new pending sign-in shares the count").isEqualTo(429);
        assertThat(events(server, "UserLockedOut", user)).isEmpty();
    }

    @Test
    void mfaFormWithoutCsrfIsRefused() {
        String user = newUser(server);
        enrol(server, user);
        Browser browser = server.newBrowser();
        browser.get(location(browser.signIn(user, "/start")));

        HttpResponse<String> response = browser.post("/signin/mfa", form("code", "123456", "next", "/start"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void enrolmentStartWithoutCsrfIsRefusedAndStartsNothing() {
        String user = newUser(server);
        Browser browser = server.newBrowser();
        browser.get(location(browser.signIn(user, "/start")));

        HttpResponse<String> response = browser.post("/start/mfa/app/new", form("next", "/start"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.services.core().auditQueries().find(AuditQuery.all()))
                .noneMatch(e -> e.eventName().equals("CreateMfaDevice") && user.equals(e.userName()));
    }

    @Test
    void mfaPageWithoutPendingSignInGoesBackToThePassword() {
        HttpResponse<String> page = server.newBrowser().get("/signin/mfa?next=/start/sessions");

        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("<label for=\"password\">");
    }

    @Test
    void blockWhenNoDeviceThenRefusedWithAClearMessage() {
        String user = newUser(blocking);
        Browser browser = blocking.newBrowser();

        HttpResponse<String> response = browser.signIn(user, "/start");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Contact your administrator");
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
        assertThat(browser.cookie(SignInSteps.PENDING)).isEmpty();
    }

    @Test
    void allowWhenNoDeviceThenPasswordSufficesButAUserWithAnAppIsStillAsked() {
        String without = newUser(allowing);
        Browser browser = allowing.newBrowser();
        HttpResponse<String> response = browser.signIn(without, "/start");
        assertThat(location(response)).isEqualTo("/start");
        assertThat(browser.cookie(SessionCookies.NAME)).isPresent();

        String with = newUser(allowing);
        enrolSignedIn(allowing, with);
        assertThat(location(allowing.newBrowser().signIn(with, "/start"))).startsWith("/signin/mfa");
    }

    @Test
    void contextAwareRemembersTheBrowserUntilTheConfiguredTimeEnds() {
        String user = newUser(contextAware);
        Browser browser = contextAware.newBrowser();
        HttpResponse<String> page = qrPage(browser, location(browser.signIn(user, "/start")));
        byte[] secret = secretOf(page);
        assertThat(confirm(browser, page, code(contextAware, secret)).statusCode()).isEqualTo(303);
        assertThat(browser.cookie(SignInSteps.REMEMBERED)).isPresent();
        signOut(browser);

        contextAware.clock.advance(Duration.ofHours(23));
        HttpResponse<String> remembered = browser.signIn(user, "/start");
        assertThat(location(remembered)).as("remembered: no code").isEqualTo("/start");
        assertThat(events(contextAware, "UserAuthentication", user)).last()
                .satisfies(e -> assertThat(e.requestParameters()).containsEntry("mfaSkipped", "rememberedBrowser"));
        assertThat(location(contextAware.newBrowser().signIn(user, "/start"))).as("another browser")
                .startsWith("/signin/mfa");
        signOut(browser);

        contextAware.clock.advance(Duration.ofHours(2));
        assertThat(location(browser.signIn(user, "/start"))).as("a day later").startsWith("/signin/mfa");
    }

    @Test
    void contextAwareForgetsTheBrowserWhenTheDevicesChange() {
        String user = newUser(contextAware);
        Browser browser = contextAware.newBrowser();
        HttpResponse<String> page = qrPage(browser, location(browser.signIn(user, "/start")));
        confirm(browser, page, code(contextAware, secretOf(page)));

        HttpResponse<String> second = qrPage(browser, "/start/mfa/app");
        contextAware.clock.advance(STEP);
        HttpResponse<String> added = browser.post("/start/mfa/app", form("csrf", hidden(second, "csrf"),
                "next", "/start", "deviceId", hidden(second, "deviceId"), "name", "Tablet",
                "code", code(contextAware, secretOf(second))));
        assertThat(added.statusCode()).isEqualTo(303);
        signOut(browser);

        assertThat(location(browser.signIn(user, "/start"))).startsWith("/signin/mfa");
    }

    @Test
    void signedInUserAddsAnAppFromThePortal() {
        String user = newUser(allowing);
        Browser browser = allowing.newBrowser();
        browser.signIn(user, "/start");

        HttpResponse<String> page = qrPage(browser, "/start/mfa/app");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Signed in as " + user, "value=\"Authenticator app\"");
        HttpResponse<String> added = browser.post("/start/mfa/app", form("csrf", hidden(page, "csrf"),
                "next", "/start", "deviceId", hidden(page, "deviceId"), "name", "Work phone",
                "code", code(allowing, secretOf(page))));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(location(added)).isEqualTo("/start/mfa");
        assertThat(allowing.services.core().authenticatorApps().list(userId(allowing, user)))
                .extracting(d -> d.name()).containsExactly("Work phone");
    }

    @Test
    void enrolmentPageWithoutSessionOrPendingSignInAsksToSignIn() {
        HttpResponse<String> page = server.newBrowser().get("/start/mfa/app");

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(location(page)).isEqualTo("/signin?next=/start/mfa/app");
    }

    @Test
    void userWithASecurityKeySignsInWithItsAnswerPostedByTheScript() {
        String user = newUser(server);
        SoftwareAuthenticator key = registerKey(server, user);
        Browser browser = server.newBrowser();
        HttpResponse<String> page = browser.get(location(browser.signIn(user, "/start?tab=accounts")));
        assertThat(page.body()).contains("Use security key").doesNotContain("Code from your authenticator app");

        HttpResponse<String> signedIn = browser.post("/signin/mfa/security-key", form("csrf", hidden(page, "csrf"),
                "next", hidden(page, "next"), "handle", hidden(page, "handle"),
                "response", key.counter(1).get(Browser.attribute(page, "data-webauthn-assert"))));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(location(signedIn)).isEqualTo("/start?tab=accounts");
        assertThat(browser.get("/start").statusCode()).isEqualTo(200);
    }

    @Test
    void securityKeyAnswerFromAnotherSiteIsRefusedAndANewChallengeOffered() {
        String user = newUser(server);
        SoftwareAuthenticator key = registerKey(server, user).from("https://gatehouse.evil.example");
        Browser browser = server.newBrowser();
        HttpResponse<String> page = browser.get(location(browser.signIn(user, "/start")));

        HttpResponse<String> refused = browser.post("/signin/mfa/security-key", form("csrf", hidden(page, "csrf"),
                "next", "/start", "handle", hidden(page, "handle"),
                "response", key.get(Browser.attribute(page, "data-webauthn-assert"))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"code-error\"", "That MFA device was not recognised");
        assertThat(hidden(refused, "handle")).as("a fresh challenge").isNotEqualTo(hidden(page, "handle"));
        assertThat(browser.cookie(SessionCookies.NAME)).isEmpty();
    }

    /** A security key registered for {@code userName} through core, as the portal page does. */
    private static SoftwareAuthenticator registerKey(WebTestServer on, String userName) {
        SoftwareAuthenticator key = new SoftwareAuthenticator(on.services.config().http().publicUrl());
        User owner = on.services.core().identityStore().user(userName);
        CeremonyStart start = on.services.core().securityKeys().startRegistration(owner.userId());
        on.services.core().securityKeys().finishRegistration(owner.userId(), "Blue key", start.handle(),
                key.create(start.optionsJson()), Actor.user(owner.userId(), userName),
                RequestContext.commandLine("test"));
        return key;
    }

    private static String newUser(WebTestServer on) {
        String name = "mfa.user" + USERS.incrementAndGet();
        on.createActiveUser(name);
        return name;
    }

    /** Enrols an app at first sign-in in a browser of its own; returns the app's secret. */
    private static byte[] enrol(WebTestServer on, String user) {
        Browser browser = on.newBrowser();
        HttpResponse<String> page = qrPage(browser, location(browser.signIn(user, "/start")));
        byte[] secret = secretOf(page);
        assertThat(confirm(browser, page, code(on, secret)).statusCode()).isEqualTo(303);
        return secret;
    }

    private static void enrolSignedIn(WebTestServer on, String user) {
        Browser browser = on.newBrowser();
        browser.signIn(user, "/start");
        HttpResponse<String> page = qrPage(browser, "/start/mfa/app");
        assertThat(confirm(browser, page, code(on, secretOf(page))).statusCode()).isEqualTo(303);
    }

    /** The page at {@code path}, then its button: the page with the QR code of a new enrolment. */
    private static HttpResponse<String> qrPage(Browser browser, String path) {
        HttpResponse<String> intro = browser.get(path);
        assertThat(intro.statusCode()).isEqualTo(200);
        return browser.post("/start/mfa/app/new", form("csrf", hidden(intro, "csrf"), "next", hidden(intro, "next")));
    }

    private static HttpResponse<String> confirm(Browser browser, HttpResponse<String> page, String code) {
        return browser.post("/start/mfa/app", form("csrf", hidden(page, "csrf"), "next", hidden(page, "next"),
                "deviceId", hidden(page, "deviceId"), "name", "Phone", "code", code));
    }

    private static HttpResponse<String> submitCode(Browser browser, HttpResponse<String> form, String code) {
        return browser.post("/signin/mfa", form("csrf", hidden(form, "csrf"), "next", hidden(form, "next"),
                "code", code));
    }

    private static void signOut(Browser browser) {
        HttpResponse<String> start = browser.get("/start");
        assertThat(browser.post("/signout", form("csrf", hidden(start, "csrf"))).statusCode()).isEqualTo(303);
    }

    private static byte[] secretOf(HttpResponse<String> page) {
        Matcher m = SECRET.matcher(page.body());
        assertThat(m.find()).as("the secret as text on:\n" + page.body()).isTrue();
        return Base32.decode(m.group(1).replace(" ", ""));
    }

    private static String code(WebTestServer on, byte[] secret) {
        return Totp.STANDARD.code(secret, on.clock.instant());
    }

    /** A code the app does not show now (nor one step either side). */
    private static String wrongCode(WebTestServer on, byte[] secret) {
        return Totp.STANDARD.code(secret, on.clock.instant().plus(STEP.multipliedBy(5)));
    }

    private static String userId(WebTestServer on, String user) {
        return on.services.store().users().findByUserName(user).orElseThrow().userId();
    }

    /** Oldest first. */
    private static List<AuditEvent> events(WebTestServer on, String name, String user) {
        return on.services.core().auditQueries().find(new AuditQuery(null, name, null, null, 1000)).stream()
                .filter(e -> user.equals(e.requestParameters().get("userName")))
                .sorted(Comparator.comparing(AuditEvent::eventTime))
                .toList();
    }
}
