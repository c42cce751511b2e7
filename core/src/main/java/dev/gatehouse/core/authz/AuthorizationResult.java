package dev.gatehouse.core.authz;

import dev.gatehouse.core.error.DomainError.SignatureFailure;
import dev.gatehouse.policy.DecidingStatement;
import dev.gatehouse.policy.Decision;
import java.util.Optional;

/**
 * The answer to a service: allowed or not, and why. A request that does not authenticate (bad signature,
 * expired or revoked credentials, disabled user, removed assignment) is a deny without a principal.
 *
 * @param failure how authentication failed, when {@code outcome} is {@code NOT_AUTHENTICATED}
 */
public record AuthorizationResult(Outcome outcome, Optional<AuthenticatedPrincipal> principal,
                                  Optional<DecidingStatement> statement, String reason,
                                  Optional<SignatureFailure> failure) {

    public enum Outcome {
        ALLOW, EXPLICIT_DENY, IMPLICIT_DENY, NOT_AUTHENTICATED
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    static AuthorizationResult notAuthenticated(SignatureFailure failure, String reason) {
        return new AuthorizationResult(Outcome.NOT_AUTHENTICATED, Optional.empty(), Optional.empty(), reason,
                Optional.of(failure));
    }

    static AuthorizationResult decided(AuthenticatedPrincipal principal, Decision decision) {
        Outcome outcome = switch (decision.outcome()) {
            case ALLOW -> Outcome.ALLOW;
            case EXPLICIT_DENY -> Outcome.EXPLICIT_DENY;
            case IMPLICIT_DENY -> Outcome.IMPLICIT_DENY;
        };
        return new AuthorizationResult(outcome, Optional.of(principal), decision.statement(), decision.reason(),
                Optional.empty());
    }
}
