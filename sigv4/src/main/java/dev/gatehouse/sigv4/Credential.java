package dev.gatehouse.sigv4;

/** The {@code Credential} value: {@code <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request}. */
record Credential(String accessKeyId, CredentialScope scope) {

    private static final int PARTS = 5;

    /**
     * Parses the credential and checks its scope against the request date. Works by position, so only the
     * access key id, region and service are copied out (the date is the request date's own).
     */
    static Credential parse(String value, AmzDate signedAt) throws SigV4Exception {
        int[] starts = partStarts(value);
        if (starts == null) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION,
                    "credential is not <access key id>/<date>/<region>/<service>/aws4_request");
        }
        for (int i = 0; i < PARTS; i++) {
            if (isBlank(value, starts[i], end(value, starts, i))) {
                throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "credential has an empty component");
            }
        }
        int terminator = starts[4];
        if (value.length() - terminator != CredentialScope.TERMINATOR.length()
                || !value.startsWith(CredentialScope.TERMINATOR, terminator)) {
            throw new SigV4Exception(Reason.INVALID_CREDENTIAL_SCOPE, "credential scope does not end with aws4_request");
        }
        if (end(value, starts, 1) - starts[1] != 8 || !isDigits(value, starts[1], starts[1] + 8)) {
            throw new SigV4Exception(Reason.MALFORMED_AUTHORIZATION, "credential scope date is not yyyyMMdd");
        }
        // The key is derived from the scope date, so a scope for another day than the request is a forgery
        // attempt or a client bug; either way the timestamp could not be trusted.
        String date = signedAt.date();
        if (!value.startsWith(date, starts[1])) {
            throw new SigV4Exception(Reason.INVALID_CREDENTIAL_SCOPE,
                    "credential scope date does not match " + signedAt.source());
        }
        return new Credential(value.substring(0, end(value, starts, 0)),
                new CredentialScope(date, value.substring(starts[2], end(value, starts, 2)),
                        value.substring(starts[3], end(value, starts, 3))));
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** As {@link String#isBlank()} for the range. */
    private static boolean isBlank(String text, int from, int to) {
        int i = from;
        while (i < to) {
            int codePoint = text.codePointAt(i);
            if (!Character.isWhitespace(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Where each of exactly five slash-separated parts (possibly empty) starts, or {@code null}. */
    private static int[] partStarts(String value) {
        int[] starts = new int[PARTS];
        for (int i = 1; i < PARTS; i++) {
            int slash = value.indexOf('/', starts[i - 1]);
            if (slash < 0) {
                return null;
            }
            starts[i] = slash + 1;
        }
        return value.indexOf('/', starts[PARTS - 1]) >= 0 ? null : starts;
    }

    private static int end(String value, int[] starts, int part) {
        return part == PARTS - 1 ? value.length() : starts[part + 1] - 1;
    }
}
