package dev.gatehouse.policy;

/**
 * One statement of a policy. {@code index} is its 0-based position, so a statement without a {@code Sid} can still
 * be named in an explanation. The matching parts are the policy engine's own business.
 */
public record Statement(int index, String sid, Effect effect) {
}
