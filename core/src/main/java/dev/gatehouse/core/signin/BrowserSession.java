package dev.gatehouse.core.signin;

import dev.gatehouse.core.directory.User;
import dev.gatehouse.core.session.PortalSession;

/** A browser session that is still active, with its user. */
public record BrowserSession(PortalSession session, User user) { }
