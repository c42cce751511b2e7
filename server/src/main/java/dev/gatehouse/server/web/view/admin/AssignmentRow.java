package dev.gatehouse.server.web.view.admin;

/**
 * One account assignment with its parts named.
 *
 * @param principalType USER or GROUP
 */
public record AssignmentRow(String accountId, String accountName, String permissionSetName, String principalType,
                            String principalName) {

    public boolean group() {
        return "GROUP".equals(principalType);
    }
}
