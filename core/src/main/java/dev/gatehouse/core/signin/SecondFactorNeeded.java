package dev.gatehouse.core.signin;

import dev.gatehouse.core.mfa.MfaDeviceKind;
import java.util.Set;

/** The first factor was right; now a second factor of one of these kinds. */
public record SecondFactorNeeded(Pending pending, Set<MfaDeviceKind> kinds) implements SignInOutcome { }
