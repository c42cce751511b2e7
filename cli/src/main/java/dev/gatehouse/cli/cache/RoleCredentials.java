package dev.gatehouse.cli.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Temporary credentials for one role, cached in {@code ~/.aws/cli/cache} the way the AWS CLI caches them. */
public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {

    /** botocore fetches new role credentials when less than this remains on the cached ones. */
    public static final Duration EXPIRY_WINDOW = Duration.ofMinutes(15);

    public boolean fresh(Instant now) {
        return now.plus(EXPIRY_WINDOW).isBefore(expiration);
    }

    ObjectNode toJson() {
        ObjectNode json = CacheJson.JSON.createObjectNode();
        json.put("ProviderType", "sso");
        ObjectNode credentials = json.putObject("Credentials");
        credentials.put("AccessKeyId", accessKeyId);
        credentials.put("SecretAccessKey", secretAccessKey);
        credentials.put("SessionToken", sessionToken);
        credentials.put("Expiration", CacheTimestamps.format(expiration));
        return json;
    }

    static Optional<RoleCredentials> fromJson(ObjectNode json) {
        JsonNode credentials = json.get("Credentials");
        if (!"sso".equals(CacheJson.text(json, "ProviderType")) || credentials == null) {
            return Optional.empty();
        }
        String accessKeyId = CacheJson.text(credentials, "AccessKeyId");
        String secret = CacheJson.text(credentials, "SecretAccessKey");
        String sessionToken = CacheJson.text(credentials, "SessionToken");
        Instant expiration = CacheJson.instant(credentials, "Expiration");
        if (accessKeyId == null || secret == null || expiration == null) {
            return Optional.empty();
        }
        return Optional.of(new RoleCredentials(accessKeyId, secret, sessionToken, expiration));
    }
}
