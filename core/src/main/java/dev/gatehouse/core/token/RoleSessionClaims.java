package dev.gatehouse.core.token;

import java.time.Instant;

/**
 * What a role-credential session token carries, sealed, so any node can verify a SigV4 request
 * without a database read for the secret.
 */
public record RoleSessionClaims(String accessKeyId, String secretAccessKey, String sessionId, String userId,
                                String userName, String accountId, String permissionSetArn, String roleName,
                                Instant issuedAt, Instant expiresAt) { }
