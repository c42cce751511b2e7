package dev.gatehouse.core.model;

public record Membership(String membershipId, String groupId, String userId) { }
