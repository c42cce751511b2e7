package dev.gatehouse.server.idp.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group's members as Active Directory hands them out: a large {@code member} attribute comes in ranges
 * ({@code member;range=0-1499}), and the rest must be asked for range by range until one ends in {@code *}.
 * Gatehouse asks for the first range itself, smaller than any DC's limit (MaxValRange, 1,500 since Windows 2003),
 * so a big group takes the same path on every DC and on Samba.
 */
final class RangedMembers {

    static final int FIRST_RANGE = 1_000;

    private final LDAPConnectionPool pool;
    private final String attribute;

    RangedMembers(LDAPConnectionPool pool, String attribute) {
        this.pool = pool;
        this.attribute = attribute;
    }

    /** What the group search asks for in place of the plain attribute. */
    String firstRequest() {
        return attribute + ";range=0-" + (FIRST_RANGE - 1);
    }

    /** Every member DN of the group entry, reading the further ranges its first range announces. */
    List<String> all(SearchResultEntry entry) throws LDAPException {
        List<String> members = new ArrayList<>();
        SearchResultEntry current = entry;
        while (current != null) {
            Attribute ranged = ranged(current);
            if (ranged == null) {
                // A directory that ignored the range option answers with the plain attribute; no group has none.
                String[] plain = current.getAttributeValues(attribute);
                if (plain != null && members.isEmpty()) {
                    members.addAll(List.of(plain));
                }
                return members;
            }
            members.addAll(List.of(ranged.getValues()));
            String end = rangeOf(ranged).substring(rangeOf(ranged).indexOf('-') + 1);
            if (end.equals("*")) {
                return members;
            }
            long next = Long.parseLong(end) + 1;
            current = pool.getEntry(entry.getDN(), attribute + ";range=" + next + "-*");
        }
        return members;
    }

    private Attribute ranged(SearchResultEntry entry) {
        for (Attribute candidate : entry.getAttributes()) {
            if (candidate.getBaseName().equalsIgnoreCase(attribute) && rangeOf(candidate) != null) {
                return candidate;
            }
        }
        return null;
    }

    private static String rangeOf(Attribute attribute) {
        for (String option : attribute.getOptions()) {
            if (option.toLowerCase(Locale.ROOT).startsWith("range=")) {
                return option.substring("range=".length());
            }
        }
        return null;
    }
}
