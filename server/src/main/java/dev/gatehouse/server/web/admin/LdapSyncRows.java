package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.audit.AuditEvent;
import dev.gatehouse.core.audit.AuditQueries;
import dev.gatehouse.core.audit.AuditQuery;
import dev.gatehouse.server.web.view.admin.IdentitySourceView.Setting;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the LDAP sync is going, read from its audit events ({@code SyncDirectory}, written by whichever node ran it):
 * the last run that worked with its counts, and the failed runs since, with the latest reason, so an administrator
 * sees a broken sync on the identity source page.
 */
final class LdapSyncRows {

    /** Enough recent runs to find the last success behind a row of failures. */
    private static final int RECENT = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final AuditQueries audit;

    LdapSyncRows(AuditQueries audit) {
        this.audit = audit;
    }

    List<Setting> rows() {
        List<AuditEvent> runs = audit.find(new AuditQuery(null, "SyncDirectory", null, null, RECENT));
        Optional<AuditEvent> success = runs.stream().filter(run -> run.errorCode() == null).findFirst();
        List<Setting> rows = new ArrayList<>();
        rows.add(new Setting("Last sync", success.map(LdapSyncRows::describe).orElse("none yet")));
        // Runs come newest first: the failures before the last success are the current streak.
        List<AuditEvent> failing = runs.stream().takeWhile(run -> run.errorCode() != null).toList();
        if (!failing.isEmpty()) {
            rows.add(new Setting("Sync failing since", WHEN.format(failing.getLast().eventTime()) + " ("
                    + failing.size() + (failing.size() == RECENT ? "+" : "") + " failed runs), last: "
                    + failing.getFirst().errorMessage()));
        }
        return rows;
    }

    private static String describe(AuditEvent run) {
        Map<String, Object> counts = run.responseElements() == null ? Map.of() : run.responseElements();
        return WHEN.format(run.eventTime()) + (Boolean.TRUE.equals(counts.get("full")) ? ", full" : ", changes only")
                + ": " + counts.get("users") + " users (" + counts.get("usersRemoved") + " removed), "
                + counts.get("groups") + " groups (" + counts.get("groupsRemoved") + " removed), memberships +"
                + counts.get("membershipsAdded") + " -" + counts.get("membershipsRemoved");
    }
}
