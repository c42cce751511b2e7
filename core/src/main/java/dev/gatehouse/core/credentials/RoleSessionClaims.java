package dev.gatehouse.core.credentials;

import java.time.Instant;
import java.util.Map;

/**
 * What a role-credential session token carries, sealed, so any node can verify a SigV4 request
 * without a database read for the secret.
 *
 * @param principalTags the user's attributes for access control as they were when the credentials were issued
 *                      ({@code aws:PrincipalTag/<key>}); as in AWS, credentials keep the tags they were issued with
 */
public record RoleSessionClaims(String accessKeyId, String secretAccessKey, String sessionId, String userId,
                                String userName, String accountId, String permissionSetArn, String roleName,
                                Instant issuedAt, Instant expiresAt, Map<String, String> principalTags) {

    public RoleSessionClaims {
        principalTags = Map.copyOf(principalTags);
    }

    /** Claims without principal tags. */
    public RoleSessionClaims(String accessKeyId, String secretAccessKey, String sessionId, String userId,
                             String userName, String accountId, String permissionSetArn, String roleName,
                             Instant issuedAt, Instant expiresAt) {
        this(accessKeyId, secretAccessKey, sessionId, userId, userName, accountId, permissionSetArn, roleName,
                issuedAt, expiresAt, Map.of());
    }
}
