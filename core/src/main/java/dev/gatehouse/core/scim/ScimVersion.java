package dev.gatehouse.core.scim;

import dev.gatehouse.core.error.DomainException;
import dev.gatehouse.core.keys.Secrets;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resource versions (RFC 7644 §3.14): a weak ETag drawn from what the resource shows, so any change a client could
 * see (a member added to a group included) gives a new version, with no column to keep up to date. A request whose
 * {@code If-Match} names none of the current version is refused before anything is written.
 */
public final class ScimVersion {

    private ScimVersion() {
    }

    /** The weak ETag of a resource showing {@code parts}. */
    static String of(Object... parts) {
        String shown = Stream.of(parts).map(p -> Objects.toString(p, "\u0001")).collect(Collectors.joining("\u0000"));
        return "W/\"" + Secrets.hash(shown).substring(0, 20) + "\"";
    }

    /**
     * Refuses the change unless {@code ifMatch} (an {@code If-Match} header: {@code *} or a list of ETags, null when
     * absent) matches {@code current}. ETags compare weakly, as RFC 9110 §8.8.3.2 has it for If-Match on SCIM.
     */
    static void require(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String wanted = opaque(current);
        for (String tag : ifMatch.split(",")) {
            if (opaque(tag.strip()).equals(wanted)) {
                return;
            }
        }
        throw DomainException.invalid(ScimFields.VERSION, "The resource has changed: its version is now " + current
                + ", not " + (ifMatch.length() > 100 ? ifMatch.substring(0, 100) : ifMatch)
                + ". Read it again and retry.");
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
