package dev.gatehouse.server.admin;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.PortalSession;
import dev.gatehouse.core.session.SessionService.ActiveSession;
import dev.gatehouse.server.web.SessionOwners;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sessions", description = "List a user's active sessions and end them.")
final class SessionCommands extends AdminSubcommand {

    @Command(name = "list", description = "List a user's active sessions, newest first.")
    void list(@Option(names = "--user", required = true, paramLabel = "USER_NAME") String userName) {
        User user = core().identityStore().user(userName);
        for (ActiveSession active : core().sessions().activeSessionsOf(user.userId())) {
            PortalSession session = active.session();
            out().printf("%-36s %-7s %-32s started %s  ends %s%n", session.sessionId(), session.kind(),
                    active.clientName() == null ? "browser" : active.clientName(), session.createdAt(),
                    session.expiresAt());
        }
    }

    /** One of the two, never both: ending all by accident is worse than retyping. */
    static final class Which {

        @Option(names = "--session", paramLabel = "SESSION_ID", description = "End this session.")
        String sessionId;

        @Option(names = "--all", description = "End every session of the user.")
        boolean all;
    }

    @Command(name = "revoke", description = "End one or all of a user's sessions: every token issued under them "
            + "stops working at once.")
    void revoke(@Option(names = "--user", required = true, paramLabel = "USER_NAME") String userName,
                @ArgGroup(exclusive = true, multiplicity = "1") Which which) {
        User user = core().identityStore().user(userName);
        if (which.all) {
            int ended = core().sessions().revokeAll(SessionOwners.of(user), AdminCommand.actor(), AdminCommand.context());
            out().println("ended " + ended + " session(s) of " + user.userName());
        } else {
            core().sessions().revoke(SessionOwners.of(user), which.sessionId, AdminCommand.actor(), AdminCommand.context());
            out().println("ended session " + which.sessionId + " of " + user.userName());
        }
    }
}
