package dev.gatehouse.server.web.view;

/** @param requestId shown for unexpected failures so a person can quote it to an administrator; else null */
public record ErrorView(String title, String message, String requestId) { }
