package dev.gatehouse.core.credentials;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The global condition keys IAM sets for a request made with a role session's credentials: who
 * ({@code aws:username}, {@code aws:userid}, {@code aws:PrincipalArn}, {@code aws:PrincipalTag/…}, ...) and when.
 * One place, so the authorization API and the simulator decide with the same keys.
 */
public final class SessionContextKeys {

    private SessionContextKeys() {
    }

    /**
     * @param userId  the role session's principal id, {@code AROA…:user.name}
     * @param roleArn the role's IAM ARN ({@code RoleIds.roleArn}), which IAM gives as {@code aws:PrincipalArn}
     * @return a mutable, case-insensitive map, for callers to add the keys of their own
     */
    public static Map<String, List<String>> of(String userName, String userId, String accountId, String roleArn,
                                               Map<String, String> principalTags, Instant now) {
        Map<String, List<String>> keys = timeOf(now);
        keys.put("aws:username", List.of(userName));
        keys.put("aws:userid", List.of(userId));
        keys.put("aws:PrincipalAccount", List.of(accountId));
        keys.put("aws:PrincipalArn", List.of(roleArn));
        keys.put("aws:PrincipalType", List.of("AssumedRole"));
        principalTags.forEach((key, value) -> keys.put("aws:PrincipalTag/" + key, List.of(value)));
        return keys;
    }

    /** Only {@code aws:CurrentTime} and {@code aws:EpochTime}, for a request by no one in particular. */
    public static Map<String, List<String>> timeOf(Instant now) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.put("aws:CurrentTime", List.of(second.toString()));
        keys.put("aws:EpochTime", List.of(Long.toString(second.getEpochSecond())));
        return keys;
    }
}
