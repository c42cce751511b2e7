package dev.gatehouse.sigv4;

import java.util.regex.Pattern;

/** The {@code Credential} value: {@code <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request}. */
record Credential(String accessKeyId, CredentialScope scope) {

    private static final Pattern SCOPE_DATE = Pattern.compile("\\d{8}");

    /** Parses the credential and checks its scope against the request date. */
    static Credential parse(String value, AmzDate signedAt) throws SigV4Exception {
        String[] parts = value.split("/", -1);
        if (parts.length != 5) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION,
                    "credential is not <access key id>/<date>/<region>/<service>/aws4_request");
        }
        for (String part : parts) {
            if (part.isBlank()) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "credential has an empty component");
            }
        }
        if (!CredentialScope.TERMINATOR.equals(parts[4])) {
            throw new SigV4Exception(Reason.INVALID_CREDENTIAL_SCOPE, "credential scope does not end with aws4_request");
        }
        if (!SCOPE_DATE.matcher(parts[1]).matches()) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "credential scope date is not yyyyMMdd");
        }
        // The key is derived from the scope date, so a scope for another day than the request is a forgery
        // attempt or a client bug; either way the timestamp could not be trusted.
        if (!parts[1].equals(signedAt.date())) {
            throw new SigV4Exception(Reason.INVALID_CREDENTIAL_SCOPE,
                    "credential scope date does not match " + signedAt.source());
        }
        return new Credential(parts[0], new CredentialScope(parts[1], parts[2], parts[3]));
    }
}
