package dev.gatehouse.core.password;

/**
 * Sends email. Implementations hand the message on without waiting for the mail server, so that whether a mail
 * was sent does not show in how long the request took; a failure to deliver is logged by the implementation.
 */
public interface Mailer {

    /** One plain-text message. The body may hold a secret link: never log it. */
    record Mail(String to, String subject, String body) {

        @Override
        public String toString() {
            return "Mail[to=" + to + ", subject=" + subject + "]";
        }
    }

    void send(Mail mail);
}
