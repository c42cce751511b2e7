package dev.gatehouse.cli.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A cached OIDC client registration, shared with the AWS CLI under the same key; scopes null when none. */
public record Registration(String clientId, String clientSecret, Instant expiresAt, List<String> scopes) {

    /** Usable for a new login: the AWS CLI registers again when less than its refresh window remains. */
    public boolean usable(Instant now) {
        return now.plus(SsoToken.REFRESH_WINDOW).isBefore(expiresAt);
    }

    ObjectNode toJson() {
        ObjectNode json = CacheJson.JSON.createObjectNode();
        json.put("clientId", clientId);
        json.put("clientSecret", clientSecret);
        json.put("expiresAt", CacheTimestamps.format(expiresAt));
        if (scopes != null && !scopes.isEmpty()) {
            ArrayNode array = json.putArray("scopes");
            scopes.forEach(array::add);
        }
        return json;
    }

    static Optional<Registration> fromJson(ObjectNode json) {
        String clientId = CacheJson.text(json, "clientId");
        String clientSecret = CacheJson.text(json, "clientSecret");
        Instant expiresAt = CacheJson.instant(json, "expiresAt");
        if (clientId == null || clientSecret == null || expiresAt == null) {
            return Optional.empty();
        }
        List<String> scopes = null;
        if (json.get("scopes") instanceof ArrayNode array) {
            scopes = new ArrayList<>();
            for (JsonNode scope : array) {
                scopes.add(scope.asText());
            }
        }
        return Optional.of(new Registration(clientId, clientSecret, expiresAt, scopes));
    }
}
