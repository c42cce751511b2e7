package dev.gatehouse.core.identitysource;

import java.time.Instant;

/**
 * Gatehouse's SAML signing key as stored: the PKCS#8 private key sealed, and its self-signed certificate (base64 DER),
 * which the SP metadata publishes.
 */
public record SamlSpKey(String sealedPrivateKey, String certificate, Instant createdAt) {
}
