package dev.gatehouse.policy;

/**
 * What is wrong with a policy and where: {@code where} names the statement (its {@code Sid}, else
 * {@code Statement[2]}) or is {@code null} for the document as a whole.
 */
public record PolicyProblem(String where, String message) {

    @Override
    public String toString() {
        return where == null ? message : where + ": " + message;
    }
}
