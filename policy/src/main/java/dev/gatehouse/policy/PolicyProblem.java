package dev.gatehouse.policy;

/**
 * What is wrong with a policy and where: {@code where} names the statement by position and, if it has one, its
 * {@code Sid} ({@code Statement[2]}, {@code Statement[2] (Sid ReadLogs)}), or is {@code null} for the document as
 * a whole.
 */
public record PolicyProblem(String where, String message) {

    @Override
    public String toString() {
        return where == null ? message : where + ": " + message;
    }
}
