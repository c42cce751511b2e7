package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * The permission sets, and the form that creates one.
 *
 * @param nextPage the link to the next page, or null on the last
 * @param errors   the create form's errors by field name
 */
public record PermissionSetsView(AdminFrame frame, List<PermissionSetRow> permissionSets, String nextPage,
                                 PermissionSetForm form, Map<String, String> errors) { }
