package dev.gatehouse.core.credentials;

import java.time.Instant;

public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) { }
