package dev.gatehouse.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 requests, in the Authorization-header form or the presigned-URL form.
 * Stages run cheapest first, and everything that needs no secret is checked before the lookup, so
 * malformed or stale requests never reach the credential store.
 */
public final class SigV4Verifier {

    private final SigningKeyCache signingKeys;
    private final Duration allowedClockSkew;
    private final CanonicalizationOptions options;

    /** A verifier with the canonicalization every AWS service except S3 uses. */
    public SigV4Verifier(SigningKeyCache signingKeys, Duration allowedClockSkew) {
        this(signingKeys, allowedClockSkew, CanonicalizationOptions.STANDARD);
    }

    public SigV4Verifier(SigningKeyCache signingKeys, Duration allowedClockSkew, CanonicalizationOptions options) {
        this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
        this.allowedClockSkew = Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
        this.options = Objects.requireNonNull(options, "options");
        if (allowedClockSkew.isNegative()) {
            throw new IllegalArgumentException("allowedClockSkew must not be negative");
        }
    }

    /**
     * Verifies an Authorization-header signed request or a presigned-URL (query) request.
     *
     * @param now the server's clock, passed in so tests and callers control time
     * @throws SigV4Exception if the request is not validly signed; exceptions thrown by {@code secrets}
     *                        propagate unchanged
     */
    public VerifiedRequest verify(ReceivedRequest request, SecretLookup secrets, Instant now) throws SigV4Exception {
        Objects.requireNonNull(secrets, "secrets");
        return verifyWith(request, (claim, scope) -> signingKeys.keyedMacs(secretFor(claim, secrets), scope), now);
    }

    /**
     * As {@link #verify}, with a secret the caller keeps between requests together with its signing key: the
     * shared signing-key cache is not consulted.
     */
    public VerifiedRequest verifyWithSigningSecrets(ReceivedRequest request, SigningSecretLookup secrets, Instant now)
            throws SigV4Exception {
        Objects.requireNonNull(secrets, "secrets");
        return verifyWith(request, (claim, scope) -> signingSecretFor(claim, secrets).keyedMacs(scope), now);
    }

    /** Where the HMACs under the claimed credential's signing key come from. */
    @FunctionalInterface
    private interface MacSource {
        KeyedMacs keyedMacs(SignatureClaim claim, CredentialScope scope) throws SigV4Exception;
    }

    private VerifiedRequest verifyWith(ReceivedRequest request, MacSource macs, Instant now) throws SigV4Exception {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(now, "now");

        ParsedRequest parsed = ParsedRequest.of(request);
        SignatureClaim claim = SignatureClaim.of(parsed);
        RequestTimeWindow.check(claim, now, allowedClockSkew);
        List<CanonicalRequest> candidates = canonicalRequests(parsed, claim);

        CredentialScope scope = claim.credential().scope();
        KeyedMacs keyedMacs = macs.keyedMacs(claim, scope);
        for (CanonicalRequest candidate : candidates) {
            if (keyedMacs.matches(claim.signedAt(), scope, candidate, claim.signature())) {
                return new VerifiedRequest(claim.credential().accessKeyId(), claim.sessionToken(), scope,
                        claim.signedAt().instant());
            }
        }
        throw new SigV4Exception(Reason.SIGNATURE_MISMATCH, "signature does not match");
    }

    /** The canonical request as the client should have built it, plus the one tolerated variant. */
    private List<CanonicalRequest> canonicalRequests(ParsedRequest parsed, SignatureClaim claim) throws SigV4Exception {
        CanonicalRequest signed = CanonicalRequest.of(parsed, claim, options);
        if (claim instanceof PresignedQueryClaim && claim.sessionToken() != null) {
            String tokenUnsigned = CanonicalQueryString.of(parsed.query(),
                    PresignedQueryClaim.UNSIGNED_WHEN_TOKEN_ADDED_AFTER_SIGNING);
            return List.of(signed, signed.withQuery(tokenUnsigned));
        }
        return List.of(signed);
    }

    private static String secretFor(SignatureClaim claim, SecretLookup secrets) throws SigV4Exception {
        Optional<String> secret = secrets.secretFor(claim.credential().accessKeyId(), claim.sessionToken());
        Objects.requireNonNull(secret, "SecretLookup returned null instead of Optional.empty()");
        return secret.orElseThrow(() -> unknownAccessKey(claim));
    }

    private static SigningSecret signingSecretFor(SignatureClaim claim, SigningSecretLookup secrets)
            throws SigV4Exception {
        Optional<SigningSecret> secret = secrets.signingSecretFor(claim.credential().accessKeyId(),
                claim.sessionToken());
        Objects.requireNonNull(secret, "SigningSecretLookup returned null instead of Optional.empty()");
        return secret.orElseThrow(() -> unknownAccessKey(claim));
    }

    private static SigV4Exception unknownAccessKey(SignatureClaim claim) {
        return new SigV4Exception(Reason.UNKNOWN_ACCESS_KEY,
                "access key id is not known" + (claim.sessionToken() != null ? " with this session token" : ""));
    }
}
