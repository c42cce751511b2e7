package dev.gatehouse.server.web.view.admin;

import java.util.Map;

/**
 * Editing a user's names, email and administrator flag; the user name itself is fixed.
 *
 * @param errors messages by field name; empty when the form is fresh
 */
public record UserEditView(AdminFrame frame, UserForm form, Map<String, String> errors) { }
