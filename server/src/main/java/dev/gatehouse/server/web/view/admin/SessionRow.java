package dev.gatehouse.server.web.view.admin;

/**
 * An active session, described so an administrator can tell which to end.
 *
 * @param kind      "Browser", or the CLI or SDK client's registered name
 * @param yours     whether it is the session of the administrator looking at it
 */
public record SessionRow(String sessionId, String kind, String startedAt, String expiresAt, boolean yours) { }
