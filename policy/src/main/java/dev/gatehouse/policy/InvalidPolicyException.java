package dev.gatehouse.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that cannot be accepted; the message lists every problem, the same in every API and page. */
public final class InvalidPolicyException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public InvalidPolicyException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
