package dev.gatehouse.server.config;

/** A setting's text that its type does not accept, and what it should have been ("a number", "true or false"). */
final class InvalidValue extends Exception {

    private final String expectation;
    private final boolean variableLast;

    private InvalidValue(String expectation, boolean variableLast) {
        super(expectation, null, false, false);
        this.expectation = expectation;
        this.variableLast = variableLast;
    }

    static InvalidValue expected(String expectation) {
        return new InvalidValue(expectation, false);
    }

    /**
     * For numbers, whose problems keep the wording they had before problems named variables
     * ("port must be a number, not 'eighty'"): operators and the launcher test match on it.
     */
    static InvalidValue expectedNumber(String expectation) {
        return new InvalidValue(expectation, true);
    }

    String expectation() {
        return expectation;
    }

    boolean variableLast() {
        return variableLast;
    }
}
