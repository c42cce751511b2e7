package dev.gatehouse.core.authz;

import java.time.Instant;

/**
 * A long-lived access key a protected service signs its calls to the authorization API with.
 *
 * @param sealedSecret the secret access key sealed under the instance's sealing keys: SigV4 needs the secret
 *                     itself, so it cannot be stored as a hash
 */
public record ServiceCredential(String accessKeyId, String name, String sealedSecret, Instant createdAt) { }
