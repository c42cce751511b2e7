package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.access.AccessModelService.DescribedAssignment;
import dev.gatehouse.core.access.Account;
import dev.gatehouse.core.access.PermissionSet;
import dev.gatehouse.core.directory.Group;
import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.SessionKind;
import dev.gatehouse.core.session.SessionService.ActiveSession;
import dev.gatehouse.server.web.view.admin.AccountRow;
import dev.gatehouse.server.web.view.admin.AssignmentRow;
import dev.gatehouse.server.web.view.admin.GroupRow;
import dev.gatehouse.server.web.view.admin.PermissionSetRow;
import dev.gatehouse.server.web.view.admin.SessionRow;
import dev.gatehouse.server.web.view.admin.UserRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Core's records as the console's tables show them; times in UTC, as the server cannot know the reader's zone. */
final class Rows {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Rows() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static UserRow user(User user) {
        return new UserRow(user.userName(), nullToEmpty(user.displayName()), nullToEmpty(user.givenName()),
                nullToEmpty(user.familyName()), nullToEmpty(user.email()), user.enabled(), user.administrator(),
                user.passwordHash() != null, time(user.createdAt()));
    }

    static GroupRow group(Group group) {
        return new GroupRow(group.displayName(), nullToEmpty(group.description()), time(group.createdAt()));
    }

    static AccountRow account(Account account) {
        return new AccountRow(account.accountId(), account.name(), nullToEmpty(account.email()),
                time(account.createdAt()));
    }

    static PermissionSetRow permissionSet(PermissionSet set) {
        return new PermissionSetRow(set.name(), nullToEmpty(set.description()), set.sessionDuration().toString(),
                set.managedPolicies(), set.inlinePolicy() != null);
    }

    static AssignmentRow assignment(DescribedAssignment assignment) {
        return new AssignmentRow(assignment.account().accountId(), assignment.account().name(),
                assignment.permissionSet().name(), assignment.principalType().name(), assignment.principalName());
    }

    static SessionRow session(ActiveSession active, String yourSessionId) {
        String kind = active.session().kind() == SessionKind.BROWSER ? "Browser"
                : active.clientName() == null ? "CLI or SDK" : active.clientName();
        return new SessionRow(active.session().sessionId(), kind, time(active.session().createdAt()),
                time(active.session().expiresAt()), active.session().sessionId().equals(yourSessionId));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
