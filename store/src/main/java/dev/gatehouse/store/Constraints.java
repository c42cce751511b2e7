package dev.gatehouse.store;

import dev.gatehouse.core.error.DomainException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Turns a constraint violation of one statement into the DomainException the port promises. */
final class Constraints {

    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL (23503) and H2 (23506) codes for a foreign key that points at nothing. */
    private static final Set<String> MISSING_REFERENCE = Set.of("23503", "23506");
    private static final String SAVEPOINT = "before_guarded_statement";

    private Constraints() {
    }

    /** A violated constraint, known by its SQLState and by the name the database puts in its message. */
    record Violation(boolean duplicate, String message) {

        boolean of(String constraintName) {
            return message.contains(constraintName.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Runs {@code statement}; a unique or foreign-key violation becomes what {@code meaning} says (null: rethrow).
     * Inside a transaction the statement runs under a savepoint, as callers may catch the DomainException and go
     * on (e.g. draw another user code).
     */
    static <T> T guarded(Handle handle, Supplier<T> statement, Function<Violation, DomainException> meaning) {
        return translated(() -> handle.isInTransaction() ? Savepoints.around(handle, SAVEPOINT, statement)
                : statement.get(), meaning);
    }

    /**
     * As {@link #guarded}, without the savepoint: for statements no caller recovers from, where a violation leaves
     * the transaction to be rolled back (on PostgreSQL it refuses every later statement).
     */
    static <T> T translated(Supplier<T> statement, Function<Violation, DomainException> meaning) {
        try {
            return statement.get();
        } catch (RuntimeException e) {
            Violation violation = violation(e);
            DomainException translated = violation == null ? null : meaning.apply(violation);
            throw translated != null ? translated : e;
        }
    }

    private static Violation violation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                boolean duplicate = UNIQUE_VIOLATION.equals(sql.getSQLState());
                if (duplicate || MISSING_REFERENCE.contains(sql.getSQLState())) {
                    return new Violation(duplicate, String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT));
                }
            }
        }
        return null;
    }
}
