package dev.gatehouse.sigv4;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header form: {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...},
 * dated by {@code X-Amz-Date} (or {@code Date}), with the session token in {@code X-Amz-Security-Token}.
 */
record AuthorizationHeaderClaim(Credential credential, SignedHeaders signedHeaders, String signature,
        AmzDate signedAt, String sessionToken) implements SignatureClaim {

    private static final String CREDENTIAL = "Credential";
    private static final String SIGNED_HEADERS = "SignedHeaders";
    private static final String SIGNATURE = "Signature";
    private static final Set<String> COMPONENTS = Set.of(CREDENTIAL, SIGNED_HEADERS, SIGNATURE);

    @Override
    public Set<String> unsignedQueryParameters() {
        return Set.of();
    }

    static AuthorizationHeaderClaim parse(ParsedRequest request) throws SigV4Exception {
        ReceivedHeaders headers = request.headers();
        String value = headers.single("authorization").orElseThrow();
        int space = firstWhitespace(value);
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!ALGORITHM.equals(algorithm)) {
            throw new SigV4Exception(Reason.UNSUPPORTED_ALGORITHM, "Authorization algorithm is not " + ALGORITHM);
        }
        Map<String, String> components = components(value, space < 0 ? value.length() : space + 1);
        String credential = required(components, CREDENTIAL);
        SignedHeaders signedHeaders = SignedHeaders.parse(required(components, SIGNED_HEADERS));
        String signature = required(components, SIGNATURE);
        AmzDate signedAt = requestDate(headers);
        String token = headers.single("x-amz-security-token").filter(t -> !t.isEmpty()).orElse(null);
        return new AuthorizationHeaderClaim(Credential.parse(credential, signedAt), signedHeaders, signature, signedAt, token);
    }

    /**
     * Splits {@code Key=Value, Key=Value} from {@code from} on; clients differ on the space after the comma, so
     * it is optional. Works by position so that only the three values are copied out of the header.
     */
    private static Map<String, String> components(String text, int from) throws SigV4Exception {
        Map<String, String> components = HashMap.newHashMap(COMPONENTS.size());
        int start = from;
        while (start <= text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            int first = skipWhitespace(text, start, end);
            int last = trimEnd(text, first, end);
            start = end + 1;
            if (first == last) {
                continue;
            }
            int eq = text.indexOf('=', first);
            String key = eq < 0 || eq >= last ? null : knownKey(text, first, trimEnd(text, first, eq));
            if (key == null) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION,
                        "Authorization has a component other than Credential, SignedHeaders and Signature");
            }
            if (components.put(key, text.substring(skipWhitespace(text, eq + 1, last), last)) != null) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "Authorization repeats " + key);
            }
        }
        return components;
    }

    private static String knownKey(String text, int from, int to) {
        for (String key : COMPONENTS) {
            if (key.length() == to - from && text.startsWith(key, from)) {
                return key;
            }
        }
        return null;
    }

    private static int skipWhitespace(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int from, int to) {
        int i = to;
        while (i > from && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static String required(Map<String, String> components, String key) throws SigV4Exception {
        String value = components.get(key);
        if (value == null || value.isEmpty()) {
            throw new SigV4Exception(Reason.INCOMPLETE_SIGNATURE, "Authorization lacks " + key);
        }
        return value;
    }

    private static AmzDate requestDate(ReceivedHeaders headers) throws SigV4Exception {
        Optional<String> amzDate = headers.single("x-amz-date");
        if (amzDate.isPresent()) {
            return AmzDate.parseBasic(amzDate.get(), "X-Amz-Date");
        }
        Optional<String> date = headers.single("date");
        if (date.isPresent()) {
            return AmzDate.parseDateHeader(date.get());
        }
        throw new SigV4Exception(Reason.INCOMPLETE_SIGNATURE, "request has neither an X-Amz-Date nor a Date header");
    }

    private static int firstWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
