package dev.gatehouse.sigv4;

import java.util.Optional;
import java.util.Set;

/**
 * The header form: {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...},
 * dated by {@code X-Amz-Date} (or {@code Date}), with the session token in {@code X-Amz-Security-Token}.
 */
record AuthorizationHeaderClaim(Credential credential, SignedHeaders signedHeaders, String signature,
        AmzDate signedAt, String sessionToken) implements SignatureClaim {

    /** The component names; their values are kept at the same index. */
    private static final String[] COMPONENTS = {"Credential", "SignedHeaders", "Signature"};
    private static final int CREDENTIAL_AT = 0;
    private static final int SIGNED_HEADERS_AT = 1;
    private static final int SIGNATURE_AT = 2;

    @Override
    public Set<String> unsignedQueryParameters() {
        return Set.of();
    }

    static AuthorizationHeaderClaim parse(ParsedRequest request) throws SigV4Exception {
        ReceivedHeaders headers = request.headers();
        String value = headers.single("authorization").orElseThrow();
        int space = firstWhitespace(value);
        int algorithmEnd = space < 0 ? value.length() : space;
        if (algorithmEnd != ALGORITHM.length() || !value.startsWith(ALGORITHM)) {
            throw new SigV4Exception(Reason.UNSUPPORTED_ALGORITHM, "Authorization algorithm is not " + ALGORITHM);
        }
        String[] components = components(value, space < 0 ? value.length() : space + 1);
        String credential = required(components, CREDENTIAL_AT);
        SignedHeaders signedHeaders = SignedHeaders.parse(required(components, SIGNED_HEADERS_AT));
        String signature = required(components, SIGNATURE_AT);
        AmzDate signedAt = requestDate(headers);
        String token = headers.single("x-amz-security-token").filter(t -> !t.isEmpty()).orElse(null);
        return new AuthorizationHeaderClaim(Credential.parse(credential, signedAt), signedHeaders, signature, signedAt, token);
    }

    /**
     * Splits {@code Key=Value, Key=Value} from {@code from} on; clients differ on the space after the comma, so
     * it is optional. Works by position so that only the three values are copied out of the header, into an
     * array indexed like {@link #COMPONENTS}.
     */
    private static String[] components(String text, int from) throws SigV4Exception {
        String[] components = new String[COMPONENTS.length];
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
            int key = eq < 0 || eq >= last ? -1 : knownKey(text, first, trimEnd(text, first, eq));
            if (key < 0) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION,
                        "Authorization has a component other than Credential, SignedHeaders and Signature");
            }
            if (components[key] != null) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "Authorization repeats " + COMPONENTS[key]);
            }
            components[key] = text.substring(skipWhitespace(text, eq + 1, last), last);
        }
        return components;
    }

    /** The component's index in {@link #COMPONENTS}, or -1. */
    private static int knownKey(String text, int from, int to) {
        for (int i = 0; i < COMPONENTS.length; i++) {
            if (COMPONENTS[i].length() == to - from && text.startsWith(COMPONENTS[i], from)) {
                return i;
            }
        }
        return -1;
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

    private static String required(String[] components, int key) throws SigV4Exception {
        String value = components[key];
        if (value == null || value.isEmpty()) {
            throw new SigV4Exception(Reason.INCOMPLETE_SIGNATURE, "Authorization lacks " + COMPONENTS[key]);
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
