package dev.gatehouse.core.session;

/** Whose sessions are meant: the user's id, and their name for the audit trail. */
public record SessionOwner(String userId, String userName) { }
