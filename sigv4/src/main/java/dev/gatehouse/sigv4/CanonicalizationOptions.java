package dev.gatehouse.sigv4;

/**
 * Choices the SigV4 specification leaves to the service. The AWS test suite signs each path both ways,
 * so the normalization switch is kept; the path is always URI-encoded once more relative to the raw
 * (already encoded) path, which is the behaviour of every service except S3 (S3 is not supported).
 *
 * @param normalizePath remove dot segments and empty segments before encoding
 */
public record CanonicalizationOptions(boolean normalizePath) {

    /** What every AWS service except S3 does. */
    public static final CanonicalizationOptions STANDARD = new CanonicalizationOptions(true);

    /** Path taken verbatim; used by the suite's {@code *-unnormalized} cases. */
    public static final CanonicalizationOptions UNNORMALIZED_PATH = new CanonicalizationOptions(false);
}
