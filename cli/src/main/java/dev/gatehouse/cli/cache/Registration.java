package dev.gatehouse.cli.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cached OIDC client registration, in the AWS CLI's format; scopes null when none. {@code grantTypes} is null
 * for a device-code registration (botocore writes none) and lists {@code authorization_code} for a browser (PKCE)
 * one: botocore's device flow ignores a cached registration that has it, and its PKCE flow one that lacks it.
 */
public record Registration(String clientId, String clientSecret, Instant expiresAt, List<String> scopes,
                           List<String> grantTypes) {

    public static final String AUTHORIZATION_CODE = "authorization_code";
    /** What a browser-flow client registers for, as botocore does: the code, then refreshes. */
    public static final List<String> AUTHORIZATION_CODE_GRANTS = List.of(AUTHORIZATION_CODE, "refresh_token");

    /** Usable for a new login: the AWS CLI registers again when less than its refresh window remains. */
    public boolean usable(Instant now) {
        return now.plus(SsoToken.REFRESH_WINDOW).isBefore(expiresAt);
    }

    /** Registered for the browser flow; such a client may not start a device authorization. */
    public boolean forAuthorizationCode() {
        return grantTypes != null && grantTypes.contains(AUTHORIZATION_CODE);
    }

    ObjectNode toJson() {
        ObjectNode json = CacheJson.JSON.createObjectNode();
        json.put("clientId", clientId);
        json.put("clientSecret", clientSecret);
        json.put("expiresAt", CacheTimestamps.format(expiresAt));
        putList(json, "scopes", scopes);
        putList(json, "grantTypes", grantTypes);
        return json;
    }

    static Optional<Registration> fromJson(ObjectNode json) {
        String clientId = CacheJson.text(json, "clientId");
        String clientSecret = CacheJson.text(json, "clientSecret");
        Instant expiresAt = CacheJson.instant(json, "expiresAt");
        if (clientId == null || clientSecret == null || expiresAt == null) {
            return Optional.empty();
        }
        return Optional.of(new Registration(clientId, clientSecret, expiresAt, list(json, "scopes"),
                list(json, "grantTypes")));
    }

    private static void putList(ObjectNode json, String field, List<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = json.putArray(field);
            values.forEach(array::add);
        }
    }

    private static List<String> list(ObjectNode json, String field) {
        if (!(json.get(field) instanceof ArrayNode array)) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }
}
