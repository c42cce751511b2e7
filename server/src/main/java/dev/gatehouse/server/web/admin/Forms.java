package dev.gatehouse.server.web.admin;

import dev.gatehouse.core.error.DomainException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading console form fields: what was typed, as text, lists and maps; core checks what it means. */
final class Forms {

    private Forms() {
    }

    /** The field as typed, or empty: a form shown again after an error never shows "null". */
    static String text(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }

    static String query(Context ctx, String parameter) {
        String value = ctx.queryParam(parameter);
        return value == null ? "" : value.strip();
    }

    /** A query parameter that may be absent: null rather than empty, as core's "from the start" is. */
    static String optionalQuery(Context ctx, String parameter) {
        String value = ctx.queryParam(parameter);
        return value == null || value.isBlank() ? null : value;
    }

    static boolean checked(Context ctx, String field) {
        return ctx.formParam(field) != null;
    }

    /** One entry per line (commas also separate), blanks dropped. */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** {@code key=value} per line, in the order typed; a line without "=" is refused with its number. */
    static Map<String, String> keyValues(String field, String text) {
        Map<String, String> map = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw DomainException.invalid(field, field + " are key=value, one per line; line " + (i + 1)
                        + " is '" + line + "'");
            }
            map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return map;
    }
}
