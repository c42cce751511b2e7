package dev.gatehouse.core.authz;

import dev.gatehouse.core.credentials.SessionContextKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The condition keys of a forwarded request: the role session's ({@link SessionContextKeys}), how it arrived
 * (token issue time, transport, source address), and the service's own keys (never {@code aws:} ones).
 */
final class PrincipalContextKeys {

    private PrincipalContextKeys() {
    }

    static Map<String, List<String>> of(AuthenticatedPrincipal principal, Instant issuedAt, AuthorizationQuery query,
                                        Instant now) {
        Map<String, List<String>> keys = SessionContextKeys.of(principal.userName(), principal.principalId(),
                principal.accountId(), principal.roleArn(), principal.tags(), now);
        keys.putAll(query.context());
        keys.put("aws:TokenIssueTime", List.of(issuedAt.toString()));
        keys.put("aws:SecureTransport", List.of(Boolean.toString(query.secureTransport())));
        if (query.sourceIp() != null) {
            keys.put("aws:SourceIp", List.of(query.sourceIp()));
        }
        return keys;
    }
}
