package dev.gatehouse.core.model;

public enum PrincipalType { USER, GROUP }
