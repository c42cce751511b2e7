package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * One group: members (a page at a time), what it is assigned, and the add-member and assign forms.
 *
 * @param nextMembers    the link to the next page of members, or null on the last
 * @param accounts       accounts offered in the assign form
 * @param permissionSets permission set names offered in the assign form
 * @param userName       the add-member field as typed
 * @param assignment     the assign form as typed
 * @param errors         the errors of the form that was refused, by field name
 */
public record GroupView(AdminFrame frame, GroupRow group, List<UserRow> members, String nextMembers,
                        List<AssignmentRow> assignments, List<AccountRow> accounts, List<String> permissionSets,
                        String userName, PrincipalAssignmentForm assignment, Map<String, String> errors) { }
