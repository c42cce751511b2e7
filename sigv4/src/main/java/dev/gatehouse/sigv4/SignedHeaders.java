package dev.gatehouse.sigv4;

import java.util.List;
import java.util.Locale;

/**
 * The {@code SignedHeaders} list: which headers the client put into its canonical request, in its order.
 *
 * @param joined the list as it appears in the canonical request
 */
record SignedHeaders(List<String> names, String joined) {

    static SignedHeaders parse(String value) throws SigV4Exception {
        if (value.isBlank()) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "SignedHeaders is empty");
        }
        List<String> names = split(value);
        for (String name : names) {
            if (name.isEmpty()) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "SignedHeaders has an empty name");
            }
            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "SignedHeaders names must be lower case");
            }
        }
        // Without a signed host a request signed for one endpoint could be replayed against another.
        if (!names.contains("host")) {
            throw new SigV4Exception(Reason.INCOMPLETE_SIGNATURE, "SignedHeaders does not include 'host'");
        }
        // Non-empty names split on ';' join back to exactly the value sent.
        return new SignedHeaders(names, value);
    }

    /** The names between semicolons, empty ones included (a plain scan: this runs on every request). */
    private static List<String> split(String value) {
        int count = 1;
        for (int i = value.indexOf(';'); i >= 0; i = value.indexOf(';', i + 1)) {
            count++;
        }
        String[] names = new String[count];
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int semicolon = value.indexOf(';', start);
            names[i] = value.substring(start, semicolon);
            start = semicolon + 1;
        }
        names[count - 1] = value.substring(start);
        return List.of(names);
    }
}
