package dev.gatehouse.server.web.view.admin;

import java.util.List;

/**
 * Mail not delivered yet, oldest first: who it is for, what it is, how far it got. Never the body.
 *
 * @param rows each mail; empty when all went out (or no mail server is configured)
 */
public record MailView(AdminFrame frame, List<Row> rows) {

    /**
     * @param nextAttempt when it is tried again, empty unless it waits
     * @param users       the users with the address, whose pages issue or mail a new link
     */
    public record Row(String to, String subject, String state, int attempts, String queuedAt, String nextAttempt,
                      String lastError, List<UserLink> users) { }

    public record UserLink(String userName, String path) { }
}
