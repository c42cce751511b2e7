package dev.gatehouse.server.web.view.admin;

public record GroupRow(String displayName, String description, String createdAt) { }
