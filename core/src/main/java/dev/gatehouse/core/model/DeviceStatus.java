package dev.gatehouse.core.model;

public enum DeviceStatus { PENDING, APPROVED, DENIED, CONSUMED }
