package dev.gatehouse.server.web.view;

import java.util.List;

/**
 * The person's own active sessions, each with a button that ends it.
 *
 * @param notice what the last action did, or null
 * @param error  why the last action failed, or null
 */
public record SessionsView(Nav nav, List<SessionRow> sessions, String notice, String error) {

    public SessionsView {
        sessions = List.copyOf(sessions);
    }

    /**
     * @param kind    "Browser" or "Command line"
     * @param client  the client's registered name for command-line sessions, else null
     * @param current whether this is the session showing the page (ending it signs this browser out)
     */
    public record SessionRow(String sessionId, String kind, String client, String startedIso, String startedText,
                             String expiresIso, String expiresText, boolean current) { }
}
