package dev.gatehouse.core.scim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A directory group as SCIM shows it (RFC 7643 §4.2): members are users (by id and user name) and groups nested in
 * it (by id and display name), each with its {@code type}.
 */
public record ScimGroup(String id, String displayName, String externalId, List<Member> members, Instant created) {

    public record Member(String value, String display, Type type) { }

    /** What a member is, as RFC 7643 §4.2 names it in {@code members.type}. */
    public enum Type { User, Group }

    public ScimGroup {
        members = List.copyOf(members);
    }

    /** The version clients see as {@code meta.version} and the {@code ETag} header: members included. */
    public String version() {
        return ScimVersion.of(id, displayName, externalId, members.stream()
                .map(m -> m.type() + ":" + m.value()).sorted().toList());
    }

    static final Set<String> FILTERABLE = Set.of("id", "displayname", "externalid", "members.value");
    static final Set<String> CASE_EXACT = Set.of("id", "externalid", "members.value");

    List<Object> values(String attribute) {
        return switch (attribute.toLowerCase(Locale.ROOT)) {
            case "id" -> List.of(id);
            case "displayname" -> List.of(displayName);
            case "externalid" -> externalId == null ? List.of() : List.of(externalId);
            case "members.value" -> members.stream().<Object>map(Member::value).toList();
            default -> List.of();
        };
    }
}
