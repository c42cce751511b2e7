package dev.gatehouse.core.signin;

/** The first factor was right, but the user has no MFA device and must register one first. */
public record EnrolmentNeeded(Pending pending) implements SignInOutcome { }
