package dev.gatehouse.server.web.view.admin;

/**
 * The assign form of an account page, as typed.
 *
 * @param principalType USER or GROUP
 * @param principal     a user name or a group's display name
 */
public record AssignmentForm(String permissionSet, String principalType, String principal) {

    public static AssignmentForm empty() {
        return new AssignmentForm("", "GROUP", "");
    }
}
