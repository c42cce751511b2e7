package dev.gatehouse.core.scim;

import dev.gatehouse.core.directory.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A directory user as SCIM shows it (RFC 7643 §4.1), or what a client sent (then {@code id}, {@code created} and
 * {@code lastModified} are null). The directory keeps one email, SCIM's primary one, and of the enterprise extension
 * (RFC 7643 §4.3) the attributes that can become principal tags, in {@code enterprise} by their SCIM names.
 */
public record ScimUser(String id, String userName, String externalId, String givenName, String familyName,
                       String displayName, String email, boolean active, Instant created, Instant lastModified,
                       Map<String, String> enterprise, List<GroupRef> groups) {

    /**
     * A group the user is in (RFC 7643 §4.1.2, read-only): {@code direct} as a member, else through a group nested in
     * it ("indirect").
     */
    public record GroupRef(String value, String display, boolean direct) { }

    /** The enterprise attributes kept, as RFC 7643 §4.3 spells them; the same names as the user attributes. */
    public static final List<String> ENTERPRISE = List.of("employeeNumber", "costCenter", "organization", "division",
            "department");

    public ScimUser {
        enterprise = enterprise == null ? Map.of() : Map.copyOf(enterprise);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    static ScimUser of(User user, String externalId) {
        return new ScimUser(user.userId(), user.userName(), externalId, user.givenName(), user.familyName(),
                user.displayName(), user.email(), user.enabled(), user.createdAt(), user.updatedAt(), Map.of(),
                List.of());
    }

    ScimUser withUserName(String value) {
        return new ScimUser(id, value, externalId, givenName, familyName, displayName, email, active, created,
                lastModified, enterprise, groups);
    }

    ScimUser withExternalId(String value) {
        return new ScimUser(id, userName, value, givenName, familyName, displayName, email, active, created,
                lastModified, enterprise, groups);
    }

    ScimUser withGivenName(String value) {
        return new ScimUser(id, userName, externalId, value, familyName, displayName, email, active, created,
                lastModified, enterprise, groups);
    }

    ScimUser withFamilyName(String value) {
        return new ScimUser(id, userName, externalId, givenName, value, displayName, email, active, created,
                lastModified, enterprise, groups);
    }

    ScimUser withDisplayName(String value) {
        return new ScimUser(id, userName, externalId, givenName, familyName, value, email, active, created,
                lastModified, enterprise, groups);
    }

    ScimUser withEmail(String value) {
        return new ScimUser(id, userName, externalId, givenName, familyName, displayName, value, active, created,
                lastModified, enterprise, groups);
    }

    ScimUser withActive(boolean value) {
        return new ScimUser(id, userName, externalId, givenName, familyName, displayName, email, value, created,
                lastModified, enterprise, groups);
    }

    /** The user with all of its enterprise attributes replaced by {@code attributes} (only the kept ones). */
    ScimUser withEnterprise(Map<String, String> attributes) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : ENTERPRISE) {
            String value = attributes.get(name);
            if (value != null && !value.isBlank()) {
                kept.put(name, value);
            }
        }
        return new ScimUser(id, userName, externalId, givenName, familyName, displayName, email, active, created,
                lastModified, kept, groups);
    }

    /** The user showing the groups it is in. */
    ScimUser withGroups(List<GroupRef> value) {
        return new ScimUser(id, userName, externalId, givenName, familyName, displayName, email, active, created,
                lastModified, enterprise, value);
    }

    /** The user with one enterprise attribute set, or removed when {@code value} is null or blank. */
    ScimUser withEnterprise(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(enterprise);
        changed.put(name, value);
        return withEnterprise(changed);
    }

    /** The version clients see as {@code meta.version} and the {@code ETag} header. */
    public String version() {
        return ScimVersion.of(id, userName, externalId, givenName, familyName, displayName, email, active,
                new TreeMap<>(enterprise), groups);
    }

    /** The attributes clients filter users by, lower-case: what {@link ScimFilter} evaluates against. */
    static final Set<String> FILTERABLE = Set.of("id", "username", "externalid", "emails.value",
            "displayname", "active", "name.givenname", "name.familyname");
    static final Set<String> CASE_EXACT = Set.of("id", "externalid");

    List<Object> values(String attribute) {
        Object value = switch (attribute.toLowerCase(Locale.ROOT)) {
            case "id" -> id;
            case "username" -> userName;
            case "externalid" -> externalId;
            case "emails.value" -> email;
            case "displayname" -> displayName;
            case "active" -> active;
            case "name.givenname" -> givenName;
            case "name.familyname" -> familyName;
            default -> null;
        };
        return value == null ? List.of() : List.of(value);
    }
}
