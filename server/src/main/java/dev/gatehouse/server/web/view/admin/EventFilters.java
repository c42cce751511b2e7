package dev.gatehouse.server.web.view.admin;

/** The audit filters as typed; empty means "any". Times are ISO-8601, in UTC when no offset is given. */
public record EventFilters(String from, String to, String eventName, String user, String source) { }
