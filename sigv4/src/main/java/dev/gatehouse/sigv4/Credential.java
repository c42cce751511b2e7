package dev.gatehouse.sigv4;

/** The {@code Credential} value: {@code <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request}. */
record Credential(String accessKeyId, CredentialScope scope) {

    /** Parses the credential and checks its scope against the request date. */
    static Credential parse(String value, AmzDate signedAt) throws SigV4Exception {
        String[] parts = slashSeparated(value);
        if (parts == null) {
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
        if (!isEightDigits(parts[1])) {
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

    private static boolean isEightDigits(String text) {
        if (text.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Exactly five slash-separated parts (possibly empty), or {@code null}. */
    private static String[] slashSeparated(String value) {
        String[] parts = new String[5];
        int start = 0;
        for (int i = 0; i < 4; i++) {
            int slash = value.indexOf('/', start);
            if (slash < 0) {
                return null;
            }
            parts[i] = value.substring(start, slash);
            start = slash + 1;
        }
        if (value.indexOf('/', start) >= 0) {
            return null;
        }
        parts[4] = value.substring(start);
        return parts;
    }
}
