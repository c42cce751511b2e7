package dev.gatehouse.store;

import java.util.Locale;

/** Case-insensitive names are unique, found and ordered by their lower case, the same on every database. */
final class Names {

    private Names() {
    }

    static String lowerCase(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern (escaped with a backslash) matching every string that starts with {@code prefix}. */
    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
