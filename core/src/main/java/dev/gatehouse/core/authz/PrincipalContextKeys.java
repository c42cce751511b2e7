package dev.gatehouse.core.authz;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global condition keys IAM sets for a request by a role session ({@code aws:username}, {@code aws:userid},
 * {@code aws:PrincipalTag/…}, times, source address), plus the service's own keys.
 */
final class PrincipalContextKeys {

    private PrincipalContextKeys() {
    }

    static Map<String, List<String>> of(AuthenticatedPrincipal principal, Instant issuedAt, AuthorizationQuery query,
                                        Instant now) {
        Map<String, List<String>> keys = new HashMap<>(query.context());
        keys.put("aws:username", List.of(principal.userName()));
        keys.put("aws:userid", List.of(principal.principalId()));
        keys.put("aws:PrincipalAccount", List.of(principal.accountId()));
        keys.put("aws:PrincipalArn", List.of(principal.roleArn()));
        keys.put("aws:PrincipalType", List.of("AssumedRole"));
        keys.put("aws:CurrentTime", List.of(DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS))));
        keys.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
        keys.put("aws:TokenIssueTime", List.of(DateTimeFormatter.ISO_INSTANT.format(issuedAt)));
        keys.put("aws:SecureTransport", List.of(Boolean.toString(query.secureTransport())));
        if (query.sourceIp() != null) {
            keys.put("aws:SourceIp", List.of(query.sourceIp()));
        }
        principal.tags().forEach((key, value) -> keys.put("aws:PrincipalTag/" + key, List.of(value)));
        return keys;
    }
}
