package dev.gatehouse.server.idp.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryGroup;
import dev.gatehouse.core.identitysource.LdapDirectory.DirectoryUser;
import dev.gatehouse.core.identitysource.LdapSchema;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Reads user and group entries through the schema's attribute mapping. */
final class DirectoryEntries {

    /** userAccountControl's ACCOUNTDISABLE bit. */
    private static final long ACCOUNT_DISABLED = 0x2;

    private final LdapSchema schema;

    DirectoryEntries(LdapSchema schema) {
        this.schema = schema;
    }

    /** Operational attributes such as entryUUID come only when asked for by name. */
    String[] userAttributes() {
        return distinct(schema.userId(), schema.userName(), schema.email(), schema.givenName(), schema.familyName(),
                schema.displayName(), schema.disabledAttribute());
    }

    String[] groupAttributes() {
        return groupAttributes(schema.member());
    }

    /** With the member attribute asked for as {@code memberRequest}, e.g. its first range. */
    String[] groupAttributes(String memberRequest) {
        return distinct(schema.groupId(), schema.groupName(), memberRequest);
    }

    /** A group's id and name only: enough to know which groups list someone, without reading every member. */
    String[] groupNameAttributes() {
        return distinct(schema.groupId(), schema.groupName());
    }

    /** Matches the entry whose stable id is {@code id}, written as {@link #id} writes it. */
    static Filter idFilter(String attribute, String id) {
        if (!attribute.equalsIgnoreCase("objectGUID")) {
            return Filter.createEqualityFilter(attribute, id);
        }
        UUID uuid = UUID.fromString(id);
        ByteBuffer guid = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        guid.putInt((int) (uuid.getMostSignificantBits() >>> 32));
        guid.putShort((short) (uuid.getMostSignificantBits() >>> 16));
        guid.putShort((short) uuid.getMostSignificantBits());
        guid.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        return Filter.createEqualityFilter(attribute, guid.array());
    }

    DirectoryUser user(SearchResultEntry entry) {
        boolean disabled = false;
        if (schema.disabledAttribute() != null) {
            Long flags = entry.getAttributeValueAsLong(schema.disabledAttribute());
            disabled = flags != null && (flags & ACCOUNT_DISABLED) != 0;
        }
        return new DirectoryUser(entry.getDN(), id(entry, schema.userId()),
                entry.getAttributeValue(schema.userName()), entry.getAttributeValue(schema.email()), entry.getAttributeValue(schema.givenName()),
                entry.getAttributeValue(schema.familyName()), entry.getAttributeValue(schema.displayName()),
                disabled);
    }

    DirectoryGroup group(SearchResultEntry entry) {
        String[] members = entry.getAttributeValues(schema.member());
        return group(entry, members == null ? List.of() : List.of(members));
    }

    /** A group whose members were read apart from the entry (Active Directory's ranges). */
    DirectoryGroup group(SearchResultEntry entry, List<String> members) {
        return new DirectoryGroup(entry.getDN(), id(entry, schema.groupId()),
                entry.getAttributeValue(schema.groupName()), members);
    }

    /**
     * The stable id as text: entryUUID is text already; objectGUID is 16 bytes whose first three fields are
     * little-endian, written as AD tools show it.
     */
    static String id(SearchResultEntry entry, String attribute) {
        if (!attribute.equalsIgnoreCase("objectGUID")) {
            return entry.getAttributeValue(attribute);
        }
        byte[] guid = entry.getAttributeValueBytes(attribute);
        if (guid == null || guid.length != 16) {
            return null;
        }
        ByteBuffer little = ByteBuffer.wrap(guid).order(ByteOrder.LITTLE_ENDIAN);
        long high = ((long) little.getInt(0) << 32) | ((long) (little.getShort(4) & 0xffff) << 16)
                | (little.getShort(6) & 0xffff);
        long low = ByteBuffer.wrap(guid, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        return new UUID(high, low).toString();
    }

    private static String[] distinct(String... attributes) {
        return Arrays.stream(attributes).filter(Objects::nonNull).distinct().toArray(String[]::new);
    }
}
