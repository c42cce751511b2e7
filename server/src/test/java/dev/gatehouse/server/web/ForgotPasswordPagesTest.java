package dev.gatehouse.server.web;

import static dev.gatehouse.server.web.Browser.form;
import static dev.gatehouse.server.web.Browser.hidden;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.core.password.PasswordPolicy;
import dev.gatehouse.server.config.SmtpConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /forgot with a real SMTP server on loopback (GreenMail) receiving what Gatehouse sends: the mailed link sets a
 * new password under the policy, and nothing about the page tells whether the account exists.
 */
class ForgotPasswordPagesTest {

    private static final String NEW_PASSWORD = "N3w-Passw0rd!";
    private static final String ANSWER = "If that account exists and has an email address, a link is on its way.";
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/activate\\?token=[A-Za-z0-9_-]+)");
    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    private GreenMail smtp;
    private WebTestServer server;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        server = WebTestServer.withSmtp(dataDir, new SmtpConfig("127.0.0.1", smtp.getSmtp().getPort(),
                "gatehouse@example.com", null, null, false));
        server.createActiveUser("ed.developer");
        server.createActiveUser("ann.admin");
    }

    @AfterEach
    void stop() {
        server.close();
        smtp.stop();
    }

    @Test
    void signInPageLinksToTheForgottenPasswordForm() {
        HttpResponse<String> signIn = server.newBrowser().get("/signin");

        assertThat(signIn.body()).contains("<a href=\"/forgot\">Forgot your password?</a>");
        HttpResponse<String> forgot = server.newBrowser().get("/forgot");
        assertThat(forgot.statusCode()).isEqualTo(200);
        assertThat(forgot.body()).contains("<label for=\"account\">User name or email address</label>",
                "name=\"account\"");
    }

    @Test
    void formAndAnswerCarryTheSecurityHeaders() {
        HttpResponse<String> form = server.newBrowser().get("/forgot");
        HttpResponse<String> answer = request(server.newBrowser(), "ed.developer");

        for (HttpResponse<String> page : java.util.List.of(form, answer)) {
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    policy -> assertThat(policy).startsWith("default-src 'none'"));
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.body()).doesNotContain("style=", "<script>");
        }
    }

    @Test
    void requestWithoutTheFormsCsrfTokenIsRefusedAndSendsNothing() throws Exception {
        Browser browser = server.newBrowser();
        browser.get("/forgot");

        HttpResponse<String> forged = browser.post("/forgot", form("account", "ed.developer", "csrf", "forged"));
        HttpResponse<String> real = request(server.newBrowser(), "ann.admin");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(real.statusCode()).isEqualTo(200);
        assertThat(nextMail(1).getAllRecipients()[0].toString()).isEqualTo("ann.admin@example.com");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mailedLinkSetsANewPasswordThatSignsIn() throws Exception {
        HttpResponse<String> answer = request(server.newBrowser(), "ed.developer");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains(ANSWER, "for 1 hour");
        MimeMessage mail = nextMail(1);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("ed.developer@example.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("gatehouse@example.com");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("ed.developer", server.services.instance().portalUrl(), "within 1 hour",
                "2025-06-02 10:00 UTC");

        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get(link(mail));
        assertThat(form.statusCode()).isEqualTo(200);
        HttpResponse<String> weak = browser.post("/activate", setPassword(form, "short"));
        assertThat(weak.statusCode()).as("the password policy applies").isEqualTo(400);
        HttpResponse<String> done = browser.post("/activate", setPassword(weak, NEW_PASSWORD));
        assertThat(done.statusCode()).isEqualTo(200);

        assertThat(signIn("ed.developer", NEW_PASSWORD).statusCode()).isEqualTo(303);
        assertThat(signIn("ed.developer", WebTestServer.PASSWORD).statusCode()).isNotEqualTo(303);
    }

    @Test
    void linkWhenItWouldSetTheCurrentPasswordAgainThenRefused() throws Exception {
        request(server.newBrowser(), "ed.developer");
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get(link(nextMail(1)));

        HttpResponse<String> reused = browser.post("/activate", setPassword(form, WebTestServer.PASSWORD));

        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains(PasswordPolicy.REUSED);
    }

    @Test
    void requestByEmailAddressMailsTheAccountWithThatAddress() throws Exception {
        request(server.newBrowser(), "Ann.Admin@Example.com");

        MimeMessage mail = nextMail(1);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("ann.admin@example.com");
        assertThat(GreenMailUtil.getBody(mail)).contains("ann.admin");
    }

    @Test
    void unknownUserGetsTheSameAnswerAndNoMail() throws Exception {
        HttpResponse<String> unknown = request(server.newBrowser(), "no.such.user");
        HttpResponse<String> known = request(server.newBrowser(), "ann.admin");

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.body()).isEqualTo(known.body()).contains(ANSWER);
        // One queue sends in order: once ann's mail is there, a mail for the unknown name would have been too.
        MimeMessage only = nextMail(1);
        assertThat(only.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("ann.admin@example.com");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void requestsForOneUserBeyondThreeAnHourAreAnsweredAlikeButSendNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            request(server.newBrowser(), i == 1 ? "ed.developer@example.com" : "ed.developer");
        }
        HttpResponse<String> fourth = request(server.newBrowser(), "ed.developer");
        request(server.newBrowser(), "ann.admin");

        assertThat(fourth.statusCode()).isEqualTo(200);
        assertThat(fourth.body()).contains(ANSWER);
        assertThat(smtp.waitForIncomingEmail(MAIL_WAIT.toMillis(), 4)).isTrue();
        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0]
                .toString()).containsExactly("ed.developer@example.com", "ed.developer@example.com",
                "ed.developer@example.com", "ann.admin@example.com");
        String newest = link(smtp.getReceivedMessages()[2]);
        assertThat(server.newBrowser().get(newest).statusCode()).as("the last link sent still works")
                .isEqualTo(200);

        server.clock.advance(Duration.ofHours(1).plusSeconds(1));
        request(server.newBrowser(), "ed.developer");
        assertThat(smtp.waitForIncomingEmail(MAIL_WAIT.toMillis(), 5)).as("an hour later, one more").isTrue();
    }

    @Test
    void requestsFromOneAddressBeyondTenAnHourAreRefused() {
        for (int i = 0; i < 10; i++) {
            assertThat(request(server.newBrowser(), "someone." + i).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> eleventh = request(server.newBrowser(), "someone.else");

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.body()).contains("Too many password reset requests", "id=\"account-error\"");
    }

    @Test
    void earlierLinkStopsWorkingWhenANewOneIsSent() throws Exception {
        request(server.newBrowser(), "ed.developer");
        String first = link(nextMail(1));
        request(server.newBrowser(), "ed.developer");
        assertThat(smtp.waitForIncomingEmail(MAIL_WAIT.toMillis(), 2)).isTrue();
        String second = link(smtp.getReceivedMessages()[1]);

        assertThat(server.newBrowser().get(first).statusCode()).isEqualTo(410);
        assertThat(server.newBrowser().get(second).statusCode()).isEqualTo(200);
    }

    @Test
    void linkWhenOlderThanAnHourThenGone() throws Exception {
        request(server.newBrowser(), "ed.developer");
        String link = link(nextMail(1));

        server.clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(server.newBrowser().get(link).statusCode()).isEqualTo(410);
    }

    @Test
    void linkWhenUsedOnceThenGone() throws Exception {
        request(server.newBrowser(), "ed.developer");
        Browser browser = server.newBrowser();
        String link = link(nextMail(1));
        HttpResponse<String> form = browser.get(link);
        assertThat(browser.post("/activate", setPassword(form, NEW_PASSWORD)).statusCode()).isEqualTo(200);

        assertThat(browser.get(link).statusCode()).isEqualTo(410);
        assertThat(browser.post("/activate", setPassword(form, "An0ther-Passw0rd!")).statusCode()).isEqualTo(410);
    }

    @Test
    void auditRecordsTheRequestButNeverTheLink() throws Exception {
        request(server.newBrowser(), "ed.developer");
        String token = link(nextMail(1)).substring("/activate?token=".length());

        var events = server.services.core().auditQueries().find(AuditQuery.all());

        assertThat(events).anySatisfy(e -> {
            assertThat(e.eventName()).isEqualTo("PasswordResetRequested");
            assertThat(e.requestParameters()).containsEntry("userName", "ed.developer");
        });
        assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(token));
    }

    @Test
    void withoutAMailServerThePageSaysToAskAnAdministratorAndSendsNothing(@TempDir Path otherDir) {
        try (WebTestServer noMail = WebTestServer.start(otherDir)) {
            noMail.createActiveUser("ed.developer");
            Browser browser = noMail.newBrowser();
            HttpResponse<String> page = browser.get("/forgot");

            assertThat(page.body()).contains("Ask an administrator").doesNotContain("name=\"account\"");
            HttpResponse<String> posted = browser.post("/forgot", form("account", "ed.developer",
                    "csrf", browser.cookie(Csrf.COOKIE).orElseThrow()));
            assertThat(posted.body()).contains("Ask an administrator").doesNotContain(ANSWER);
            assertThat(noMail.services.core().auditQueries().find(AuditQuery.all()))
                    .noneSatisfy(e -> assertThat(e.eventName()).isEqualTo("PasswordResetRequested"));
        }
    }

    private static HttpResponse<String> request(Browser browser, String account) {
        HttpResponse<String> form = browser.get("/forgot");
        return browser.post("/forgot", form("account", account, "csrf", hidden(form, "csrf")));
    }

    private HttpResponse<String> signIn(String userName, String password) {
        Browser browser = server.newBrowser();
        HttpResponse<String> form = browser.get("/signin");
        return browser.post("/signin", form("username", userName, "password", password, "next", "/start",
                "csrf", hidden(form, "csrf")));
    }

    private static java.util.Map<String, String> setPassword(HttpResponse<String> form, String password) {
        return form("token", hidden(form, "token"), "csrf", hidden(form, "csrf"), "password", password,
                "confirm", password);
    }

    private MimeMessage nextMail(int count) {
        assertThat(smtp.waitForIncomingEmail(MAIL_WAIT.toMillis(), count)).as("mail received").isTrue();
        return smtp.getReceivedMessages()[count - 1];
    }

    /** The path and query of the link in the mail. */
    private static String link(MimeMessage mail) throws MessagingException {
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).as("a link in:%n%s", GreenMailUtil.getBody(mail)).isTrue();
        return URI.create(link.group(0)).getRawPath() + "?" + URI.create(link.group(0)).getRawQuery();
    }
}
