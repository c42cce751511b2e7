package dev.gatehouse.server.mail;

import dev.gatehouse.core.password.Mailer;
import dev.gatehouse.server.config.SmtpConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail through the configured SMTP server (Jakarta Mail). Messages queue for one sending thread, so a request
 * never waits for the mail server, and a slow or failing one is the log's business, not the person's. Neither the
 * body (it holds a link that sets a password) nor the SMTP password is ever logged.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Session session;
    private final String from;
    /** Mail waiting for a slow mail server; past this, new mail is dropped (and logged) rather than held in memory. */
    private static final int QUEUE_LIMIT = 1_000;

    private final ExecutorService queue = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_LIMIT), Thread.ofPlatform().name("gatehouse-mail").daemon().factory(),
            (dropped, executor) -> LOG.warn("Mail not queued (the queue is full or closing): a mail was dropped"));

    public SmtpMailer(SmtpConfig config) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.host());
        properties.put("mail.smtp.port", String.valueOf(config.port()));
        properties.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(TIMEOUT.toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT.toMillis()));
        if (config.startTls()) {
            // Required, not merely tried: a server that cannot upgrade must not see the link in clear.
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Authenticator signIn = null;
        if (config.username() != null) {
            properties.put("mail.smtp.auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(config.username(), config.password());
            signIn = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        this.session = Session.getInstance(properties, signIn);
        this.from = config.from();
    }

    @Override
    public void send(Mail mail) {
        queue.execute(() -> deliver(mail));
    }

    /** On the sending thread, so the composing (a database transaction) is not part of the request's time. */
    @Override
    public void composeAndSend(Supplier<Optional<Mail>> compose) {
        queue.execute(() -> {
            Optional<Mail> mail;
            try {
                mail = compose.get();
            } catch (RuntimeException e) {
                LOG.warn("Could not compose a mail: {}", e.toString());
                return;
            }
            mail.ifPresent(this::deliver);
        });
    }

    /** Plain text first: clients show the last alternative they can render, so HTML where they can. */
    private static MimeMultipart alternatives(Mail mail) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.body(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        return alternatives;
    }

    private void deliver(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from, true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            if (mail.html() == null) {
                message.setText(mail.body(), "UTF-8");
            } else {
                message.setContent(alternatives(mail));
            }
            message.setSentDate(new Date());
            Transport.send(message);
            LOG.info("Mail '{}' handed to the mail server for {}", mail.subject(), mail.to());
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Could not send mail '{}' to {}: {}", mail.subject(), mail.to(), e.toString());
        }
    }

    /** Sends what is queued (for a while), then stops. */
    @Override
    public void close() {
        queue.shutdown();
        try {
            if (!queue.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Stopped with mail still queued");
                queue.shutdownNow();
            }
        } catch (InterruptedException e) {
            queue.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
