package dev.gatehouse.sigv4;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/** The presigned-URL form: everything the header form carries, moved into {@code X-Amz-*} query parameters. */
record PresignedQueryClaim(Credential credential, SignedHeaders signedHeaders, String signature, AmzDate signedAt,
        String sessionToken, Duration expires) implements SignatureClaim {

    static final String ALGORITHM_PARAMETER = "X-Amz-Algorithm";
    static final String CREDENTIAL = "X-Amz-Credential";
    static final String DATE = "X-Amz-Date";
    static final String EXPIRES = "X-Amz-Expires";
    static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String SIGNATURE = "X-Amz-Signature";
    static final String SECURITY_TOKEN = "X-Amz-Security-Token";

    /**
     * For a client that appended the session token after signing (AWS IoT presigned WebSocket URLs do, and
     * the suite's post-sts-header-after case does). The token is still checked by the secret lookup.
     */
    static final Set<String> UNSIGNED_WHEN_TOKEN_ADDED_AFTER_SIGNING = Set.of(SIGNATURE, SECURITY_TOKEN);

    /** AWS's own limit: a presigned URL lives at most seven days. */
    private static final long MAX_EXPIRES_SECONDS = Duration.ofDays(7).toSeconds();
    private static final Pattern SECONDS = Pattern.compile("\\d{1,7}");

    @Override
    public Set<String> unsignedQueryParameters() {
        // The signature cannot sign itself.
        return Set.of(SIGNATURE);
    }

    static boolean isPresent(QueryParameters query) {
        return query.contains(ALGORITHM_PARAMETER) || query.contains(SIGNATURE) || query.contains(CREDENTIAL);
    }

    static PresignedQueryClaim parse(ParsedRequest request) throws SigV4Exception {
        QueryParameters query = request.query();
        if (!ALGORITHM.equals(required(query, ALGORITHM_PARAMETER))) {
            throw new SigV4Exception(Reason.UNSUPPORTED_ALGORITHM, ALGORITHM_PARAMETER + " is not " + ALGORITHM);
        }
        String credential = required(query, CREDENTIAL);
        AmzDate signedAt = AmzDate.parseBasic(required(query, DATE), DATE);
        Duration expires = expires(required(query, EXPIRES));
        SignedHeaders signedHeaders = SignedHeaders.parse(required(query, SIGNED_HEADERS));
        String signature = required(query, SIGNATURE);
        String token = query.single(SECURITY_TOKEN).filter(t -> !t.isEmpty()).orElse(null);
        return new PresignedQueryClaim(Credential.parse(credential, signedAt), signedHeaders, signature, signedAt, token, expires);
    }

    private static Duration expires(String value) throws SigV4Exception {
        long seconds = SECONDS.matcher(value).matches() ? Long.parseLong(value) : -1;
        if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION,
                    EXPIRES + " must be a whole number of seconds from 1 to " + MAX_EXPIRES_SECONDS);
        }
        return Duration.ofSeconds(seconds);
    }

    private static String required(QueryParameters query, String name) throws SigV4Exception {
        String value = query.single(name).orElse("");
        if (value.isEmpty()) {
            throw new SigV4Exception(Reason.INCOMPLETE_SIGNATURE, "presigned URL lacks " + name);
        }
        return value;
    }
}
