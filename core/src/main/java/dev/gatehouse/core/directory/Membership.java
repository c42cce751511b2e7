package dev.gatehouse.core.directory;

public record Membership(String membershipId, String groupId, String userId) { }
