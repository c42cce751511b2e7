package dev.gatehouse.core.model;

import java.time.Instant;

public record Group(String groupId, String displayName, String description, Instant createdAt) { }
