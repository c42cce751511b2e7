package dev.gatehouse.core.signin;

/** What a step of signing in leads to: a session, a second factor, or the enrolment of one. */
public sealed interface SignInOutcome permits SignedIn, SecondFactorNeeded, EnrolmentNeeded { }
