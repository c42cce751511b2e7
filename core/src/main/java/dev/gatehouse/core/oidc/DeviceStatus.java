package dev.gatehouse.core.oidc;

public enum DeviceStatus { PENDING, APPROVED, DENIED, CONSUMED }
