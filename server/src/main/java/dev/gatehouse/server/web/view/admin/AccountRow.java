package dev.gatehouse.server.web.view.admin;

public record AccountRow(String accountId, String name, String email, String createdAt) { }
