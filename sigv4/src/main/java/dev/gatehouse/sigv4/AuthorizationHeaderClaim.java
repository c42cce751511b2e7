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
        Map<String, String> components = components(space < 0 ? "" : value.substring(space + 1));
        String credential = required(components, CREDENTIAL);
        SignedHeaders signedHeaders = SignedHeaders.parse(required(components, SIGNED_HEADERS));
        String signature = required(components, SIGNATURE);
        AmzDate signedAt = requestDate(headers);
        String token = headers.single("x-amz-security-token").filter(t -> !t.isEmpty()).orElse(null);
        return new AuthorizationHeaderClaim(Credential.parse(credential, signedAt), signedHeaders, signature, signedAt, token);
    }

    /** Splits {@code Key=Value, Key=Value}; clients differ on the space after the comma, so it is optional. */
    private static Map<String, String> components(String text) throws SigV4Exception {
        Map<String, String> components = new HashMap<>();
        for (String part : text.split(",")) {
            String component = part.strip();
            if (component.isEmpty()) {
                continue;
            }
            int eq = component.indexOf('=');
            String key = eq < 0 ? component : component.substring(0, eq).strip();
            if (eq < 0 || !COMPONENTS.contains(key)) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION,
                        "Authorization has a component other than Credential, SignedHeaders and Signature");
            }
            if (components.put(key, component.substring(eq + 1).strip()) != null) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "Authorization repeats " + key);
            }
        }
        return components;
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
