package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * One user: details, groups, what they hold, and their active sessions.
 *
 * @param activationLink a link just issued, shown once; null otherwise
 * @param groupName      what was typed into "add to group", shown again after an error
 * @param errors         the add-to-group form's errors by field name
 */
public record UserView(AdminFrame frame, UserRow user, List<String> groups, List<AssignmentRow> assignments,
                       List<SessionRow> sessions, String activationLink, String groupName,
                       Map<String, String> errors) { }
