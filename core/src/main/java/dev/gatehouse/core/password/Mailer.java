package dev.gatehouse.core.password;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends email. Implementations hand the message on without waiting for the mail server, so that whether a mail
 * was sent does not show in how long the request took; a failure to deliver is logged by the implementation.
 */
public interface Mailer {

    /**
     * One message: plain text, and the same as HTML when {@code html} is not null. The bodies may hold a secret
     * link: never log them.
     */
    record Mail(String to, String subject, String body, String html) {

        public Mail(String to, String subject, String body) {
            this(to, subject, body, null);
        }

        @Override
        public String toString() {
            return "Mail[to=" + to + ", subject=" + subject + "]";
        }
    }

    void send(Mail mail);

    /**
     * Composes a mail after the request has been answered, then sends it if there is one: for work that must not
     * show in how long the request took, such as issuing the link the mail carries. Implementations that queue
     * mail compose on their mail thread; by default it happens in the caller's.
     */
    default void composeAndSend(Supplier<Optional<Mail>> compose) {
        compose.get().ifPresent(this::send);
    }
}
