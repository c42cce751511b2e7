package dev.gatehouse.server.web.view.admin;

import java.util.List;

public record PermissionSetRow(String name, String description, String sessionDuration,
                               List<String> managedPolicies, boolean hasInlinePolicy) { }
