package dev.gatehouse.core.access;

public enum PrincipalType { USER, GROUP }
