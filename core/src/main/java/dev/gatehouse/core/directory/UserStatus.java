package dev.gatehouse.core.directory;

public enum UserStatus { ENABLED, DISABLED }
