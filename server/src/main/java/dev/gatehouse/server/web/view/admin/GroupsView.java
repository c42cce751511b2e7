package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * The groups, and the form that creates one.
 *
 * @param displayName the create form's name field as typed
 * @param description the create form's description field as typed
 * @param nextPage    the link to the next page, or null on the last
 */
public record GroupsView(AdminFrame frame, List<GroupRow> groups, String nextPage, String displayName,
                         String description, Map<String, String> errors) { }
