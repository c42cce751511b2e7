package dev.gatehouse.core.access;

import dev.gatehouse.core.error.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Permission-set tags, held to the limits AWS sets on them so a set can be mirrored there unchanged. */
final class Tags {

    static final int MAX_TAGS = 50;
    private static final Pattern CHARACTERS = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

    private Tags() {
    }

    static Map<String, String> valid(Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            return Map.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw DomainException.invalid("tags", "tags may number at most " + MAX_TAGS + ", not " + tags.size());
        }
        Map<String, String> valid = new LinkedHashMap<>();
        tags.forEach((key, value) -> {
            String text = value == null ? "" : value;
            if (key == null || key.isEmpty() || key.length() > 128 || !CHARACTERS.matcher(key).matches()) {
                throw DomainException.invalid("tags", "tag key '" + key
                        + "' must be 1-128 letters, digits, spaces or _.:/=+-@");
            }
            if (text.length() > 256 || !CHARACTERS.matcher(text).matches()) {
                throw DomainException.invalid("tags", "the value of tag '" + key
                        + "' must be at most 256 letters, digits, spaces or _.:/=+-@");
            }
            valid.put(key, text);
        });
        return valid;
    }
}
