package dev.gatehouse.server.authz;

import dev.gatehouse.core.authz.AuthenticatedPrincipal;
import dev.gatehouse.core.authz.AuthorizationResult;
import dev.gatehouse.policy.DecidingStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The JSON answer of {@code POST /authz/v1/authorize} (docs/authorization.md). */
final class AuthorizeResponses {

    private AuthorizeResponses() {
    }

    static Map<String, Object> of(AuthorizationResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", result.allowed() ? "ALLOW" : "DENY");
        body.put("outcome", result.outcome().name());
        body.put("reason", result.reason());
        result.statement().ifPresent(s -> body.put("decidingStatement", statement(s)));
        result.principal().ifPresent(p -> body.put("principal", principal(p)));
        result.failure().ifPresent(f -> body.put("authenticationFailure", f.name()));
        return body;
    }

    private static Map<String, Object> statement(DecidingStatement statement) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("policy", statement.policyName());
        json.put("index", statement.index());
        if (statement.sid() != null) {
            json.put("sid", statement.sid());
        }
        json.put("description", statement.toString());
        return json;
    }

    private static Map<String, Object> principal(AuthenticatedPrincipal principal) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", principal.userId());
        json.put("userName", principal.userName());
        json.put("accountId", principal.accountId());
        json.put("permissionSetArn", principal.permissionSetArn());
        json.put("roleName", principal.roleName());
        json.put("roleArn", principal.roleArn());
        json.put("arn", principal.arn());
        json.put("principalId", principal.principalId());
        json.put("tags", new TreeMap<>(principal.tags()));
        json.put("credentialsExpireAt", principal.credentialsExpireAt().toString());
        return json;
    }
}
