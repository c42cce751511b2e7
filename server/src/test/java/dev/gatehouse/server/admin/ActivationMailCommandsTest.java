package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.core.audit.RequestContext;
import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.server.Services;
import dev.gatehouse.server.config.ConfigLoader;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a mail server configured, a new user gets their activation link by mail (GreenMail on loopback). */
class ActivationMailCommandsTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/activate\\?token=gha_[A-Za-z0-9_-]+");

    @TempDir
    Path dataDir;
    private GreenMail smtp;

    record Result(int exitCode, String out, String err) { }

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void createWhenSmtpIsConfiguredThenTheLinkIsMailedInTextAndHtmlAndResendMailsANewOne() throws Exception {
        Result created = admin(withSmtp(), "users", "create", "--user-name", "ed.developer", "--given-name", "Ed",
                "--family-name", "Developer", "--email", "ed@example.com");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("activation link mailed to ed@example.com").doesNotContain("token=");
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ed@example.com");
        assertThat(mail.getSubject()).isEqualTo("Activate your account");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String firstLink = link(text);
        assertThat(text).contains("ed.developer", "/start", "7 days", "until ");
        assertThat(html).contains("href=\"" + firstLink + "\"", "7 days");

        Result resent = admin(withSmtp(), "users", "send-activation", "ed.developer");

        assertThat(resent.exitCode()).as(resent.err()).isZero();
        assertThat(resent.out()).isEqualTo("activation link mailed to ed@example.com\n");
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        String secondText = (String) ((MimeMultipart) smtp.getReceivedMessages()[1].getContent()).getBodyPart(0)
                .getContent();
        String secondLink = link(secondText);
        assertThat(secondLink).isNotEqualTo(firstLink);
        // The newest mailed link works (once); the one it replaced does not.
        try (Services services = Services.open(new ConfigLoader(Map.of("GATEHOUSE_DATA_DIR", dataDir.toString()))
                .load(), Clock.systemUTC())) {
            RequestContext test = RequestContext.commandLine("test");
            assertThatThrownBy(() -> services.core().activations().setPassword(token(firstLink),
                    "Corr3ct-Horse-Battery".toCharArray(), test)).isInstanceOf(DomainException.class);
            services.core().activations().setPassword(token(secondLink), "Corr3ct-Horse-Battery".toCharArray(), test);
            assertThat(services.core().identityStore().user("ed.developer").passwordHash()).isNotNull();
        }
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    @Test
    void createWhenNoSmtpThenTheLinkIsPrintedAndSendActivationSaysWhyNot() {
        Map<String, String> plain = Map.of("GATEHOUSE_DATA_DIR", dataDir.toString());
        Result created = admin(plain, "users", "create", "--user-name", "ed.developer", "--given-name", "Ed",
                "--family-name", "Developer", "--email", "ed@example.com");
        assertThat(created.out()).contains("activation link: ");

        Result refused = admin(plain, "users", "send-activation", "ed.developer");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: ").contains("smtp-host").hasLineCount(1);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private Map<String, String> withSmtp() {
        Map<String, String> environment = new HashMap<>();
        environment.put("GATEHOUSE_DATA_DIR", dataDir.toString());
        environment.put("GATEHOUSE_SMTP_HOST", "127.0.0.1");
        environment.put("GATEHOUSE_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        environment.put("GATEHOUSE_SMTP_FROM", "sso@example.com");
        environment.put("GATEHOUSE_SMTP_STARTTLS", "false");
        return environment;
    }

    private static String link(String body) {
        Matcher matcher = LINK.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group();
    }

    private static Result admin(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AdminCommand.run(args, environment, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
