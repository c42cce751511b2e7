package dev.gatehouse.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.core.password.Mailer.Mail;
import dev.gatehouse.server.config.SmtpConfig;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMTP adapter against a real SMTP server on loopback (GreenMail). */
class SmtpMailerTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private SmtpConfig config(String username, String password, boolean startTls) {
        return new SmtpConfig("127.0.0.1", smtp.getSmtp().getPort(), "sso@example.com", username, password, startTls);
    }

    @Test
    void sendWhenSigningInToTheServerThenDeliveredAsPlainUtf8Text() throws Exception {
        smtp.setUser("sso@example.com", "sso", "smtp-Passw0rd");
        try (SmtpMailer mailer = new SmtpMailer(config("sso", "smtp-Passw0rd", false))) {
            mailer.send(new Mail("zoe@example.com", "Reset your password", "Héllo,\nthe link: http://x/?token=t\n"));

            assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        }
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("zoe@example.com");
        assertThat(received.getSubject()).isEqualTo("Reset your password");
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) received.getContent()).contains("Héllo", "http://x/?token=t");
    }

    @Test
    void closeWhenMailIsQueuedThenItIsSentFirst() {
        SmtpMailer mailer = new SmtpMailer(config(null, null, false));
        for (int i = 0; i < 3; i++) {
            mailer.send(new Mail("ed@example.com", "Message " + i, "body " + i));
        }

        mailer.close();

        assertThat(smtp.getReceivedMessages()).extracting(GreenMailUtil::getBody).hasSize(3);
    }

    @Test
    void sendWhenStartTlsRequiredButNotOfferedThenNothingIsSentInClear() {
        try (SmtpMailer mailer = new SmtpMailer(config(null, null, true))) {
            mailer.send(new Mail("ed@example.com", "Reset your password", "http://x/?token=secret"));
        }

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
