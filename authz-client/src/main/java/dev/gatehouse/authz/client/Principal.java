package dev.gatehouse.authz.client;

import java.time.Instant;
import java.util.Map;

/**
 * Who signed the request.
 *
 * @param arn         the assumed-role session ARN, as {@code sts get-caller-identity} prints it
 * @param roleArn     the role's ARN ({@code aws:PrincipalArn})
 * @param principalId {@code AROA…:userName}
 * @param tags        the principal tags the credentials were issued with
 */
public record Principal(String userId, String userName, String accountId, String permissionSetArn, String roleName,
                        String roleArn, String arn, String principalId, Map<String, String> tags,
                        Instant credentialsExpireAt) {

    public Principal {
        tags = Map.copyOf(tags);
    }
}
