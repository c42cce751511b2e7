package dev.gatehouse.server.web.view.admin;

import java.util.Map;

/**
 * One permission set, in the form that edits it; its name, ARN and role name are fixed.
 *
 * @param roleName the role it provisions in each account it is assigned in
 */
public record PermissionSetView(AdminFrame frame, String arn, String roleName, PermissionSetForm form,
                                Map<String, String> errors) { }
