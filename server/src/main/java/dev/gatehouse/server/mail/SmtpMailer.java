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
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail through the configured SMTP server (Jakarta Mail). Messages queue for one sending thread, so a request
 * never waits for the mail server, and a slow or failing one is the log's business, not the person's. A mail the
 * server does not take is tried again with back-off ({@link MailQueue}, listed on the console). Neither the body (it
 * holds a link that sets a password) nor the SMTP password is ever logged.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** How often the retry thread looks for mail whose next try is due (by the injected clock). */
    private static final Duration RETRY_CHECK = Duration.ofSeconds(1);

    private final Session session;
    private final String from;
    private final MailQueue mails;

    private final ExecutorService queue = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MailQueue.LIMIT), Thread.ofPlatform().name("gatehouse-mail").daemon().factory(),
            (dropped, executor) -> LOG.warn("Mail not queued (the queue is full or closing): a mail was dropped"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("gatehouse-mail-retry").daemon().factory());

    public SmtpMailer(SmtpConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock when a failed mail is due again */
    public SmtpMailer(SmtpConfig config, Clock clock) {
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
        this.mails = new MailQueue(clock);
        retries.scheduleWithFixedDelay(this::retryDue, RETRY_CHECK.toMillis(), RETRY_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** What is not delivered yet, for the console and the metrics. */
    public MailQueue queue() {
        return mails;
    }

    @Override
    public void send(Mail mail) {
        mails.add(mail).ifPresentOrElse(id -> queue.execute(() -> attempt(id, mail)),
                () -> LOG.warn("Mail '{}' to {} dropped: {} mails are waiting already", mail.subject(), mail.to(),
                        MailQueue.LIMIT));
    }

    private void retryDue() {
        mails.takeDue().forEach((id, mail) -> queue.execute(() -> attempt(id, mail)));
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
            // Tried here, on the sending thread already, rather than queued again behind later mail.
            mail.ifPresent(m -> mails.add(m).ifPresent(id -> attempt(id, m)));
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

    private void attempt(String id, Mail mail) {
        try {
            deliver(mail);
            mails.delivered(id);
            LOG.info("Mail '{}' handed to the mail server for {}", mail.subject(), mail.to());
        } catch (MessagingException | RuntimeException e) {
            String error = describe(e);
            if (mails.failed(id, error) == MailQueue.State.GAVE_UP) {
                LOG.warn("Could not send mail '{}' to {}, giving up after {} tries: {}. Issue or mail a new link "
                        + "from the user's page in the console", mail.subject(), mail.to(), MailQueue.ATTEMPTS, error);
            } else {
                LOG.warn("Could not send mail '{}' to {}, trying again later: {}", mail.subject(), mail.to(), error);
            }
        }
    }

    /** The failure in one short line: the mail server's answer, which never holds the mail's body. */
    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        String line = e.getClass().getSimpleName() + message;
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private void deliver(Mail mail) throws MessagingException {
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
    }

    /** Sends what is queued (for a while), then stops. */
    @Override
    public void close() {
        retries.shutdownNow();
        long waiting = mails.count(MailQueue.State.WAITING_TO_RETRY);
        if (waiting > 0) {
            LOG.warn("Stopping with {} mails waiting to be tried again: they are not sent; mail new links from the "
                    + "console if needed", waiting);
        }
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
