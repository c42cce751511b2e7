package dev.gatehouse.core.model;

public enum TokenType { ACCESS, REFRESH }
