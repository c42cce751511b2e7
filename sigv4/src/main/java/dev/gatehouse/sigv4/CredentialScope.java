package dev.gatehouse.sigv4;

import java.util.Objects;

/**
 * The date, region and service a signing key is restricted to. Callers should check region and service
 * against what they serve: the signature only proves the client chose them.
 *
 * @param date {@code yyyyMMdd}
 */
public record CredentialScope(String date, String region, String service) {

    /** Fixed last element of every SigV4 scope. */
    static final String TERMINATOR = "aws4_request";

    public CredentialScope {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
    }

    /** The scope as it appears in the string to sign: {@code date/region/service/aws4_request}. */
    public String scopeString() {
        return date + '/' + region + '/' + service + '/' + TERMINATOR;
    }
}
