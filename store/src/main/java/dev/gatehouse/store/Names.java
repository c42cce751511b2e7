package dev.gatehouse.store;

import java.util.Locale;

/** Case-insensitive names are unique, found and ordered by their lower case, the same on every database. */
final class Names {

    private Names() {
    }

    static String lowerCase(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
