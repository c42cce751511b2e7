package dev.gatehouse.core.token;

import java.time.Instant;

public record RoleCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) { }
