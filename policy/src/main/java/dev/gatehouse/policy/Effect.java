package dev.gatehouse.policy;

public enum Effect {
    ALLOW, DENY
}
