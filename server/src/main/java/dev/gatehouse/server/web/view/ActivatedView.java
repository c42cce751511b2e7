package dev.gatehouse.server.web.view;

/** The page after a password was set. */
public record ActivatedView(String userName) { }
