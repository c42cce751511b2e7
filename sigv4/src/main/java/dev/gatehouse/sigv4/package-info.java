/**
 * Server-side verification of AWS Signature Version 4 requests, using the JDK only.
 *
 * <p>The classes mirror the steps of the specification: {@link dev.gatehouse.sigv4.SignatureClaim}
 * (what the client says it signed), {@code CanonicalUri}, {@code CanonicalQueryString},
 * {@code CanonicalHeaders}, {@code PayloadHash}, {@code CanonicalRequest}, {@code StringToSign},
 * {@code SigningKeyDerivation} and {@code RequestSignature}. {@link dev.gatehouse.sigv4.SigV4Verifier}
 * runs them in order.
 */
package dev.gatehouse.sigv4;
