package dev.gatehouse.core.session;

public enum TokenType { ACCESS, REFRESH }
