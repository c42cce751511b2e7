package dev.gatehouse.server.web.view.admin;

/**
 * A user as lists and the detail page show them.
 *
 * @param activated whether the user has set a password
 */
public record UserRow(String userName, String displayName, String givenName, String familyName, String email,
                      boolean enabled, boolean administrator, boolean activated, String createdAt) { }
