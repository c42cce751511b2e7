package dev.gatehouse.core.abac;

import java.util.List;

/**
 * The user attributes that can become principal tags: the identity store's {@code Title} and {@code UserType}
 * and the SCIM enterprise extension's attributes ({@code aws:identitystore:enterprise}), named as SCIM names them.
 */
public final class UserAttributeNames {

    public static final List<String> ALL = List.of("title", "userType", "department", "costCenter", "division",
            "organization", "employeeNumber");

    private UserAttributeNames() {
    }

    /** The attribute as it is spelled in {@link #ALL}, matched ignoring case; null when there is none. */
    static String canonical(String name) {
        return ALL.stream().filter(known -> known.equalsIgnoreCase(name.strip())).findFirst().orElse(null);
    }
}
