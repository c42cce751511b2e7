package dev.gatehouse.core.directory;

import java.time.Instant;

public record Group(String groupId, String displayName, String description, Instant createdAt) { }
