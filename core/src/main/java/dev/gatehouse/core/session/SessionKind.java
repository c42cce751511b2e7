package dev.gatehouse.core.session;

/** A browser sign-in, or the session behind a client's access and refresh tokens. */
public enum SessionKind { BROWSER, TOKEN }
