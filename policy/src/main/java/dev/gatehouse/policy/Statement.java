package dev.gatehouse.policy;

/**
 * One statement of a policy. {@code index} is its 0-based position, so a statement without a {@code Sid} can still
 * be named in an explanation. {@code compiled} is what it matches, ready for the evaluator.
 */
public record Statement(int index, String sid, Effect effect, CompiledStatement compiled) {

    boolean matches(AccessRequest request, long serviceBit) {
        return compiled.matches(request, serviceBit);
    }
}
