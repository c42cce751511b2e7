package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * One account: who holds which permission set in it, and the form that assigns one.
 *
 * @param permissionSets names offered in the assign form
 */
public record AccountView(AdminFrame frame, AccountRow account, List<AssignmentRow> assignments,
                          List<String> permissionSets, AssignmentForm form, Map<String, String> errors) { }
