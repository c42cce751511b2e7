package dev.gatehouse.cli.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One cached SSO token, with the registration that obtained it so it can be refreshed. Keys and formats are the
 * AWS CLI's (DESIGN.md §3); {@code refreshToken} and the registration fields may be absent in files another
 * tool wrote.
 */
public record SsoToken(String startUrl, String region, String accessToken, Instant expiresAt, String clientId,
                       String clientSecret, Instant registrationExpiresAt, String refreshToken) {

    /** The AWS CLI refreshes when less than this remains; so do we, so the two agree on when. */
    public static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean needsRefresh(Instant now) {
        return now.plus(REFRESH_WINDOW).isAfter(expiresAt);
    }

    /** Whether a refresh can be tried: a refresh token, the client that owns it, and that client still valid. */
    public boolean refreshable(Instant now) {
        return refreshToken != null && clientId != null && clientSecret != null
                && registrationExpiresAt != null && now.isBefore(registrationExpiresAt);
    }

    public SsoToken refreshedWith(String newAccessToken, Instant newExpiresAt, String newRefreshToken) {
        return new SsoToken(startUrl, region, newAccessToken, newExpiresAt, clientId, clientSecret,
                registrationExpiresAt, newRefreshToken != null ? newRefreshToken : refreshToken);
    }

    ObjectNode toJson() {
        ObjectNode json = CacheJson.JSON.createObjectNode();
        json.put("startUrl", startUrl);
        json.put("region", region);
        json.put("accessToken", accessToken);
        json.put("expiresAt", CacheTimestamps.format(expiresAt));
        CacheJson.putIfPresent(json, "clientId", clientId);
        CacheJson.putIfPresent(json, "clientSecret", clientSecret);
        CacheJson.putIfPresent(json, "registrationExpiresAt", registrationExpiresAt);
        CacheJson.putIfPresent(json, "refreshToken", refreshToken);
        return json;
    }

    /** A token as the AWS CLI accepts one: it needs at least an access token and its expiry. */
    static Optional<SsoToken> fromJson(ObjectNode json) {
        String accessToken = CacheJson.text(json, "accessToken");
        Instant expiresAt = CacheJson.instant(json, "expiresAt");
        if (accessToken == null || expiresAt == null) {
            return Optional.empty();
        }
        return Optional.of(new SsoToken(CacheJson.text(json, "startUrl"), CacheJson.text(json, "region"),
                accessToken, expiresAt, CacheJson.text(json, "clientId"), CacheJson.text(json, "clientSecret"),
                CacheJson.instant(json, "registrationExpiresAt"), CacheJson.text(json, "refreshToken")));
    }
}
