package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * One group: members (a page at a time), what it is assigned, and the add-member form.
 *
 * @param nextMembers the link to the next page of members, or null on the last
 * @param userName    the add-member field as typed
 */
public record GroupView(AdminFrame frame, GroupRow group, List<UserRow> members, String nextMembers,
                        List<AssignmentRow> assignments, String userName, Map<String, String> errors) { }
