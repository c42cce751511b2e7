package dev.gatehouse.policy;

/** A statement named for people: which policy, its position, and its {@code Sid} if it has one. */
public record DecidingStatement(String policyName, int index, String sid) {

    @Override
    public String toString() {
        return policyName + " Statement[" + index + "]" + (sid == null ? "" : " (Sid " + sid + ")");
    }
}
