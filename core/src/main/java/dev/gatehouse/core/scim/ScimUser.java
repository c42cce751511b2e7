package dev.gatehouse.core.scim;

import dev.gatehouse.core.directory.User;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A directory user as SCIM shows it (RFC 7643 §4.1), or what a client sent (then {@code id}, {@code created} and
 * {@code lastModified} are null). The directory keeps one email, SCIM's primary one.
 */
public record ScimUser(String id, String userName, String externalId, String givenName, String familyName,
                       String displayName, String email, boolean active, Instant created, Instant lastModified) {

    static ScimUser of(User user, String externalId) {
        return new ScimUser(user.userId(), user.userName(), externalId, user.givenName(), user.familyName(),
                user.displayName(), user.email(), user.enabled(), user.createdAt(), user.updatedAt());
    }

    ScimUser withUserName(String value) {
        return new ScimUser(id, value, externalId, givenName, familyName, displayName, email, active, created,
                lastModified);
    }

    ScimUser withExternalId(String value) {
        return new ScimUser(id, userName, value, givenName, familyName, displayName, email, active, created,
                lastModified);
    }

    ScimUser withGivenName(String value) {
        return new ScimUser(id, userName, externalId, value, familyName, displayName, email, active, created,
                lastModified);
    }

    ScimUser withFamilyName(String value) {
        return new ScimUser(id, userName, externalId, givenName, value, displayName, email, active, created,
                lastModified);
    }

    ScimUser withDisplayName(String value) {
        return new ScimUser(id, userName, externalId, givenName, familyName, value, email, active, created,
                lastModified);
    }

    ScimUser withEmail(String value) {
        return new ScimUser(id, userName, externalId, givenName, familyName, displayName, value, active, created,
                lastModified);
    }

    ScimUser withActive(boolean value) {
        return new ScimUser(id, userName, externalId, givenName, familyName, displayName, email, value, created,
                lastModified);
    }

    /** The version clients see as {@code meta.version} and the {@code ETag} header. */
    public String version() {
        return ScimVersion.of(id, userName, externalId, givenName, familyName, displayName, email, active);
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
