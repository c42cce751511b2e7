package dev.gatehouse.server.web.view.admin;

import java.util.List;
import java.util.Map;

/**
 * The users, and the form that creates one.
 *
 * @param search   the user-name prefix searched for; empty for everyone
 * @param nextPage the link to the next page, or null on the last
 * @param form     the create form as typed
 * @param errors   the create form's errors by field name; empty when it is fresh
 */
public record UsersView(AdminFrame frame, String search, List<UserRow> users, String nextPage, UserForm form,
                        Map<String, String> errors) { }
