package dev.gatehouse.core.model;

/** A browser sign-in, or the session behind a client's access and refresh tokens. */
public enum SessionKind { BROWSER, TOKEN }
