package dev.gatehouse.sigv4;

import java.time.Instant;

/**
 * The identity a request proved by its signature.
 *
 * @param sessionToken the {@code X-Amz-Security-Token} sent with the request, or {@code null}
 * @param signedAt     the request timestamp ({@code X-Amz-Date} or {@code Date})
 */
public record VerifiedRequest(String accessKeyId, String sessionToken, CredentialScope scope, Instant signedAt) {
}
