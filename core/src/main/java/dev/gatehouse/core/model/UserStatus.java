package dev.gatehouse.core.model;

public enum UserStatus { ENABLED, DISABLED }
