package dev.gatehouse.core.directory;

/** The group {@code childGroupId} is a member of the group {@code parentGroupId}. */
public record GroupNesting(String parentGroupId, String childGroupId) { }
