package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * One user: details, groups, what they hold, and their active sessions.
 *
 * @param assignments    what they hold directly and through each group
 * @param accounts       accounts offered in the assign form
 * @param permissionSets permission set names offered in the assign form
 * @param activationLink a link just issued, shown once; null otherwise
 * @param groupName      what was typed into "add to group", shown again after an error
 * @param assignment     the assign form as typed
 * @param errors         the errors of the form that was refused, by field name
 * @param mfaDevices     their authenticator apps, security keys and passkeys
 * @param mailsLinks     whether a mail server is configured, so links can be mailed to the user
 */
public record UserView(AdminFrame frame, UserRow user, List<String> groups, List<AssignmentRow> assignments,
                       List<AccountRow> accounts, List<String> permissionSets, List<SessionRow> sessions,
                       String activationLink, String groupName, PrincipalAssignmentForm assignment,
                       Map<String, String> errors, List<MfaDeviceRow> mfaDevices,
                       boolean mailsLinks) { }
