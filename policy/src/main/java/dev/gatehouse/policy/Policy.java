package dev.gatehouse.policy;

import java.util.List;

/**
 * A parsed, validated identity policy. {@code name} says where it came from in explanations: a managed policy's
 * name (e.g. {@code PowerUserAccess}), {@code inline}, or {@code boundary}.
 */
public record Policy(String name, String version, List<Statement> statements) {

    public Policy {
        statements = List.copyOf(statements);
    }
}
