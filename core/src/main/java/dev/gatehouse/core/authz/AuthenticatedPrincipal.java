package dev.gatehouse.core.authz;

import java.time.Instant;
import java.util.Map;

/**
 * Who signed a request: the user, the account and role their credentials are for, and the principal tags the
 * credentials were issued with.
 *
 * @param principalId    STS's {@code UserId}: {@code AROA…:userName}
 * @param arn            the assumed-role session ARN, as GetCallerIdentity reports it
 * @param roleArn        the role's IAM ARN ({@code aws:PrincipalArn})
 */
public record AuthenticatedPrincipal(String userId, String userName, String accountId, String permissionSetArn,
                                     String roleName, String roleArn, String arn, String principalId,
                                     Map<String, String> tags, Instant credentialsExpireAt) {

    public AuthenticatedPrincipal {
        tags = Map.copyOf(tags);
    }
}
