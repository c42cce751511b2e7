package dev.gatehouse.server.web.view.admin;

/**
 * The assign form of a user's or group's page, as typed: the user or group is the page's own.
 *
 * @param account an account's ID or name
 */
public record PrincipalAssignmentForm(String account, String permissionSet) {

    public static PrincipalAssignmentForm empty() {
        return new PrincipalAssignmentForm("", "");
    }
}
