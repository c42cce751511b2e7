package dev.gatehouse.server.web.view.admin;

/**
 * The fields of the create and edit permission set forms, as typed.
 *
 * @param managedPolicies     one AWS managed policy name per line
 * @param permissionsBoundary an AWS managed policy name, or empty for none
 * @param tags                one {@code key=value} per line
 */
public record PermissionSetForm(String name, String description, String sessionDuration, String managedPolicies,
                                String inlinePolicy, String permissionsBoundary, String relayState, String tags) {

    public static PermissionSetForm empty() {
        return new PermissionSetForm("", "", "PT1H", "", "", "", "", "");
    }
}
