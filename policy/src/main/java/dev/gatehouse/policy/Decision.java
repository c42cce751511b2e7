package dev.gatehouse.policy;

import java.util.Optional;

/**
 * The answer and why: the statement that allowed or explicitly denied, or, for an implicit deny, none (and
 * {@code reason} says whether nothing allowed it or the permissions boundary did not).
 */
public record Decision(Outcome outcome, Optional<DecidingStatement> statement, String reason) {

    public enum Outcome {
        ALLOW, EXPLICIT_DENY, IMPLICIT_DENY
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
